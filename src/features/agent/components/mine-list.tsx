import { Text, View } from '@tarojs/components'
import type { AgentConversation } from '@shared/chat'
import { clockTime } from '@/lib/time'
import { serviceTypeLabel } from '../agent.helpers'
import { ChannelBadge } from '../wechat/channel-badge'
import './queue-list.scss'
import { t } from '@/lib/i18n'

export interface MineListProps {
  items: AgentConversation[]
  selectedId: string | null
  onSelect: (c: AgentConversation) => void
}

function preview(c: AgentConversation): string {
  const m = c.lastMessage
  if (!m) return t('agent.conv.noMessages')
  if (m.kind === 'image') return t('agent.mine.image')
  if (m.kind === 'order') return t('agent.mine.order', { orderNo: m.orderNo ?? '' })
  return m.sender === 'agent' ? t('agent.mine.mine', { text: m.text ?? '' }) : (m.text ?? '')
}

/** Conversations assigned to me, newest activity first, with unread counts. */
export function MineList({ items, selectedId, onSelect }: MineListProps) {
  if (items.length === 0) {
    return (
      <View className='queue queue--empty'>
        <Text className='queue__empty'>{t('agent.mine.empty')}</Text>
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
          aria-label={t('agent.mine.aria', { name: c.shopper.displayName })}
          onClick={() => onSelect(c)}
        >
          <View className='queue__line'>
            <Text className='queue__name'>{c.shopper.displayName}</Text>
            <ChannelBadge channel={c.channel} />
            <Text className={`queue__tag queue__tag--${c.serviceType ?? 'none'}`}>{serviceTypeLabel(c.serviceType)}</Text>
            <Text className='queue__time'>{c.lastMessage ? clockTime(c.lastMessage.createdAt) : ''}</Text>
            {c.unreadCount > 0 ? (
              <Text className='queue__unread' aria-label={t('agent.mine.unread', { n: c.unreadCount })}>
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
