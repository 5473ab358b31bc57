import { Text, View } from '@tarojs/components'
import type { AgentTicket } from '@shared/ticket'
import { getSubtype } from '@shared/catalog-data'
import { serviceTypeLabel } from '../agent.helpers'
import { dueLabel, ticketStatusLabel } from '../ticket.helpers'
import './tickets.scss'
import { t } from '@/lib/i18n'

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
          {t('agent.retry')}
        </View>
      </View>
    )
  }
  if (!loading && items.length === 0) return <View className='tk-state'>{t('agent.tkList.empty')}</View>
  return (
    <View className='tk-list'>
      {items.map((tk) => {
        const due = nextDue(tk)
        const d = due ? dueLabel(due) : null
        return (
          <View
            key={tk.id}
            className={`tk-item ${tk.id === selectedId ? 'tk-item--selected' : ''}`}
            role='button'
            ariaRole='button'
            onClick={() => onSelect(tk)}
          >
            <View className='tk-item__line'>
              <Text className='tk-item__no'>{tk.ticketNo}</Text>
              <Text className={`tk-status tk-status--${tk.status}`}>{ticketStatusLabel(tk.status)}</Text>
            </View>
            <Text className='tk-item__title'>
              {serviceTypeLabel(tk.serviceType)} · {getSubtype(tk.subtype)?.zh ?? tk.subtype}
            </Text>
            <Text className='tk-item__desc'>{tk.description}</Text>
            <View className='tk-item__line'>
              <Text className='tk-item__muted'>{tk.shopper.displayName}</Text>
              {tk.escalated ? <Text className='tk-badge tk-badge--escalated'>{t('agent.handoff.complaint')}</Text> : null}
              {tk.overdue ? <Text className='tk-badge tk-badge--overdue'>{t('agent.tk.overdue')}</Text> : null}
              {tk.priority !== 'normal' ? (
                <Text className='tk-badge'>{tk.priority === 'urgent' ? t('agent.tkList.urgent') : t('agent.tkList.high')}</Text>
              ) : null}
              {d ? <Text className={`tk-item__due ${d.late ? 'tk-item__due--late' : ''}`}>{d.text}</Text> : null}
            </View>
          </View>
        )
      })}
      {loading ? <View className='tk-state'>{t('agent.loading')}</View> : null}
      {!loading && hasMore ? (
        <View className='tk-more' role='button' ariaRole='button' onClick={onMore}>
          {t('agent.tkList.more')}
        </View>
      ) : null}
    </View>
  )
}
