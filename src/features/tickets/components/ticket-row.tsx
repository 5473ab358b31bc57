import { Text, View } from '@tarojs/components'
import type { Ticket } from '@shared/ticket'
import { formatRelative, statusLabel, ticketTitle } from '../ticket-status.helpers'
import { t as tx } from '@/lib/i18n'

interface Props {
  ticket: Ticket
  now: Date
  onOpen(id: string): void
}

/** One ticket in 我的工单: type · subtype, order, status chip, last update, overdue mark. */
export function TicketRow({ ticket: t, now, onOpen }: Props) {
  return (
    <View
      className='tk-row'
      role='button'
      ariaRole='button'
      aria-label={tx('tickets.rowAria', { title: ticketTitle(t), status: statusLabel(t.status) })}
      onClick={() => onOpen(t.id)}
    >
      <View className='tk-row__head'>
        <Text className='tk-row__title'>{ticketTitle(t)}</Text>
        <Text className={`tk-chip tk-chip--${t.status}`}>{statusLabel(t.status)}</Text>
      </View>
      <Text className='tk-row__desc'>{t.description}</Text>
      <View className='tk-row__meta'>
        <Text className='tk-row__order'>{t.orderNo ? tx('tickets.rowOrder', { no: t.orderNo }) : t.ticketNo}</Text>
        <Text className='tk-row__time'>{tx('tickets.updatedAt', { when: formatRelative(t.updatedAt, now) })}</Text>
      </View>
      {(t.overdue || t.escalated || t.status === 'awaiting_customer' || t.status === 'resolved') && (
        <View className='tk-row__flags'>
          {t.overdue && <Text className='tk-flag tk-flag--late'>{tx('tickets.overdue')}</Text>}
          {t.escalated && <Text className='tk-flag tk-flag--esc'>{tx('tickets.escalated')}</Text>}
          {t.status === 'awaiting_customer' && <Text className='tk-flag tk-flag--me'>{tx('tickets.needInfo')}</Text>}
          {t.status === 'resolved' && <Text className='tk-flag tk-flag--me'>{tx('tickets.pleaseConfirm')}</Text>}
        </View>
      )}
    </View>
  )
}
