import { Text, View } from '@tarojs/components'
import type { AgentTicket } from '@shared/ticket'
import { getSubtype } from '@shared/catalog-data'
import { serviceTypeLabel } from '../agent.helpers'
import { dueLabel, ticketStatusLabel } from '../ticket.helpers'
import './tickets.scss'

export interface TicketListProps {
  items: AgentTicket[]
  selectedId: string | null
  loading: boolean
  error: string | null
  hasMore: boolean
  onSelect: (t: AgentTicket) => void
  onMore: () => void
  onRetry: () => void
}

function nextDue(t: AgentTicket): string | null {
  if (t.status === 'resolved' || t.status === 'closed' || t.slaPaused) return null
  return t.firstRespondedAt ? t.resolutionDueAt : t.firstResponseDueAt
}

/** Tickets as cards: number, status, type, shopper, due time, overdue and escalation marks. */
export function TicketList({ items, selectedId, loading, error, hasMore, onSelect, onMore, onRetry }: TicketListProps) {
  if (error && items.length === 0) {
    return (
      <View className='tk-state'>
        <Text>{error}</Text>
        <View className='tk-link' role='button' ariaRole='button' onClick={onRetry}>
          重试
        </View>
      </View>
    )
  }
  if (!loading && items.length === 0) return <View className='tk-state'>没有符合条件的工单</View>
  return (
    <View className='tk-list'>
      {items.map((t) => {
        const due = nextDue(t)
        const d = due ? dueLabel(due) : null
        return (
          <View
            key={t.id}
            className={`tk-item ${t.id === selectedId ? 'tk-item--selected' : ''}`}
            role='button'
            ariaRole='button'
            onClick={() => onSelect(t)}
          >
            <View className='tk-item__line'>
              <Text className='tk-item__no'>{t.ticketNo}</Text>
              <Text className={`tk-status tk-status--${t.status}`}>{ticketStatusLabel(t.status)}</Text>
            </View>
            <Text className='tk-item__title'>
              {serviceTypeLabel(t.serviceType)} · {getSubtype(t.subtype)?.zh ?? t.subtype}
            </Text>
            <Text className='tk-item__desc'>{t.description}</Text>
            <View className='tk-item__line'>
              <Text className='tk-item__muted'>{t.shopper.displayName}</Text>
              {t.escalated ? <Text className='tk-badge tk-badge--escalated'>投诉</Text> : null}
              {t.overdue ? <Text className='tk-badge tk-badge--overdue'>超时</Text> : null}
              {t.priority !== 'normal' ? <Text className='tk-badge'>{t.priority === 'urgent' ? '紧急' : '优先'}</Text> : null}
              {d ? <Text className={`tk-item__due ${d.late ? 'tk-item__due--late' : ''}`}>{d.text}</Text> : null}
            </View>
          </View>
        )
      })}
      {loading ? <View className='tk-state'>加载中…</View> : null}
      {!loading && hasMore ? (
        <View className='tk-more' role='button' ariaRole='button' onClick={onMore}>
          加载更多
        </View>
      ) : null}
    </View>
  )
}
