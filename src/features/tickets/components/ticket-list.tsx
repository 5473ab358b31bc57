import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { TICKET_GROUPS, TICKET_GROUP_LABELS, type TicketGroup } from '@shared/ticket-data'
import type { GroupList } from '../tickets.store'
import { TicketRow } from './ticket-row'
import './ticket-list.scss'

interface Props {
  group: TicketGroup
  list: GroupList
  now: Date
  onGroup(g: TicketGroup): void
  onRetry(): void
}

const EMPTY: Record<TicketGroup, string> = {
  active: '没有处理中的工单',
  awaiting_me: '没有需要您确认的工单',
  done: '还没有已完成的工单',
}

/** 我的工单: hand-rolled tabs and rows (main package, kept free of UI libraries). */
export function TicketList({ group, list, now, onGroup, onRetry }: Props) {
  const open = (id: string) => Taro.navigateTo({ url: `/pages/ticket/detail/index?id=${id}` })
  return (
    <View className='tk'>
      <View className='tk-tabs' role='tablist'>
        {TICKET_GROUPS.map((g) => (
          <View
            key={g}
            className={`tk-tab ${g === group ? 'tk-tab--on' : ''}`}
            role='tab'
            aria-selected={g === group}
            onClick={() => onGroup(g)}
          >
            {TICKET_GROUP_LABELS[g].zh}
          </View>
        ))}
      </View>
      {list.items.length > 0 && (
        <View className='tk-new' role='button' onClick={() => Taro.navigateTo({ url: '/pages/ticket/new/index' })}>
          <Text className='tk-new__text'>遇到新问题？</Text>
          <Text className='tk-new__go'>提交工单 ›</Text>
        </View>
      )}
      {list.items.map((t) => (
        <TicketRow key={t.id} ticket={t} now={now} onOpen={open} />
      ))}
      {list.loaded && list.items.length === 0 && !list.error && (
        <View className='tk-empty'>
          <Text className='tk-empty__title'>{EMPTY[group]}</Text>
          <Text className='tk-empty__desc'>遇到问题？先看看帮助中心，常见问题可以马上解决。</Text>
          <View className='tk-empty__actions'>
            <View className='tk-btn tk-btn--ghost' role='button' onClick={() => Taro.switchTab({ url: '/pages/help/index' })}>
              去帮助中心
            </View>
            <View className='tk-btn' role='button' onClick={() => Taro.navigateTo({ url: '/pages/ticket/new/index' })}>
              提交工单
            </View>
          </View>
        </View>
      )}
      {list.error && (
        <View className='tk-error' role='alert'>
          <Text>{list.error}</Text>
          <Text className='tk-error__retry' onClick={onRetry}>
            重试
          </Text>
        </View>
      )}
      {list.loading && <Text className='tk-more'>加载中…</Text>}
      {list.loaded && !list.loading && !list.nextCursor && list.items.length > 0 && <Text className='tk-more'>没有更多了</Text>}
    </View>
  )
}
