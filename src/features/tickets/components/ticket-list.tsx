import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { TICKET_GROUPS, TICKET_GROUP_LABELS, type TicketGroup } from '@shared/ticket-data'
import type { GroupList } from '../tickets.store'
import { TicketRow } from './ticket-row'
import './ticket-list.scss'
import { named, t } from '@/lib/i18n'

interface Props {
  group: TicketGroup
  list: GroupList
  now: Date
  onGroup(g: TicketGroup): void
  onRetry(): void
}

/** 我的工单: hand-rolled tabs and rows (main package, kept free of UI libraries). */
export function TicketList({ group, list, now, onGroup, onRetry }: Props) {
  const open = (id: string) => Taro.navigateTo({ url: `/pages/ticket/detail/index?id=${id}` })
  return (
    <View className='tk'>
      <View className='tk-tabs' role='tablist' ariaRole='tablist'>
        {TICKET_GROUPS.map((g) => (
          <View
            key={g}
            className={`tk-tab ${g === group ? 'tk-tab--on' : ''}`}
            role='tab'
            ariaRole='tab'
            aria-selected={g === group}
            onClick={() => onGroup(g)}
          >
            {named(TICKET_GROUP_LABELS[g])}
          </View>
        ))}
      </View>
      {list.items.length > 0 && (
        <View className='tk-new' role='button' ariaRole='button' onClick={() => Taro.navigateTo({ url: '/pages/ticket/new/index' })}>
          <Text className='tk-new__text'>{t('tickets.newProblem')}</Text>
          <Text className='tk-new__go'>{t('tickets.newProblemGo')}</Text>
        </View>
      )}
      {list.items.map((row) => (
        <TicketRow key={row.id} ticket={row} now={now} onOpen={open} />
      ))}
      {list.loaded && list.items.length === 0 && !list.error && (
        <View className='tk-empty'>
          <Text className='tk-empty__title'>{t(`tickets.empty.${group}`)}</Text>
          <Text className='tk-empty__desc'>{t('tickets.emptyDesc')}</Text>
          <View className='tk-empty__actions'>
            <View
              className='tk-btn tk-btn--ghost'
              role='button'
              ariaRole='button'
              onClick={() => Taro.switchTab({ url: '/pages/help/index' })}
            >
              {t('tickets.toHelp')}
            </View>
            <View className='tk-btn' role='button' ariaRole='button' onClick={() => Taro.navigateTo({ url: '/pages/ticket/new/index' })}>
              {t('tickets.fileTicket')}
            </View>
          </View>
        </View>
      )}
      {list.error && (
        <View className='tk-error' role='alert' ariaRole='alert'>
          <Text>{list.error}</Text>
          <Text className='tk-error__retry' onClick={onRetry}>
            {t('tickets.retry')}
          </Text>
        </View>
      )}
      {list.loading && <Text className='tk-more'>{t('tickets.loading')}</Text>}
      {list.loaded && !list.loading && !list.nextCursor && list.items.length > 0 && <Text className='tk-more'>{t('tickets.noMore')}</Text>}
    </View>
  )
}
