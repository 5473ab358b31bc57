import { Text, View } from '@tarojs/components'
import type { AgentConversation } from '@shared/chat'
import { clockTime } from '@/lib/time'
import { serviceTypeLabel } from '../agent.helpers'
import { ChannelBadge } from '../wechat/channel-badge'
import './queue-list.scss'

export interface MineListProps {
  items: AgentConversation[]
  selectedId: string | null
  onSelect: (c: AgentConversation) => void
}

function preview(c: AgentConversation): string {
  const m = c.lastMessage
  if (!m) return '暂无消息'
  if (m.kind === 'image') return '[图片]'
  if (m.kind === 'order') return `[订单] ${m.orderNo ?? ''}`
  const who = m.sender === 'agent' ? '我：' : ''
  return `${who}${m.text ?? ''}`
}

/** Conversations assigned to me, newest activity first, with unread counts. */
export function MineList({ items, selectedId, onSelect }: MineListProps) {
  if (items.length === 0) {
    return (
      <View className='queue queue--empty'>
        <Text className='queue__empty'>还没有进行中的会话，从排队列表接入顾客</Text>
      </View>
    )
  }
  return (
    <View className='queue'>
      {items.map((c) => (
        <View
          key={c.id}
          className={`queue__item ${c.id === selectedId ? 'queue__item--selected' : ''}`}
          role='button'
          ariaRole='button'
          aria-label={`会话 ${c.shopper.displayName}`}
          onClick={() => onSelect(c)}
        >
          <View className='queue__line'>
            <Text className='queue__name'>{c.shopper.displayName}</Text>
            <ChannelBadge channel={c.channel} />
            <Text className={`queue__tag queue__tag--${c.serviceType ?? 'none'}`}>{serviceTypeLabel(c.serviceType)}</Text>
            <Text className='queue__time'>{c.lastMessage ? clockTime(c.lastMessage.createdAt) : ''}</Text>
            {c.unreadCount > 0 ? (
              <Text className='queue__unread' aria-label={`${c.unreadCount} 条未读`}>
                {c.unreadCount > 99 ? '99+' : c.unreadCount}
              </Text>
            ) : null}
          </View>
          <Text className='queue__preview'>{preview(c)}</Text>
        </View>
      ))}
    </View>
  )
}
