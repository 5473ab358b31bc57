import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { CustomerPanel as CustomerPanelData } from '@shared/chat'
import { orderStatusText } from '@/components/message-list'
import { yuan } from '@/lib/money'
import { clockTime } from '@/lib/time'
import { ApiError } from '@/lib/http'
import { fetchCustomerPanel } from '../agent-chat.api'
import { serviceTypeLabel } from '../agent.helpers'
import { ticketStatusLabel } from '../ticket.helpers'
import './customer-panel.scss'
import { t } from '@/lib/i18n'

export interface CustomerPanelProps {
  conversationId: string
  /** Opens one of the shopper's tickets in the tickets section. */
  onOpenTicket?: (ticketId: string) => void
}

/** Who the shopper is: recent orders and tickets, beside the chat. */
export function CustomerPanel({ conversationId, onOpenTicket }: CustomerPanelProps) {
  const [data, setData] = useState<CustomerPanelData | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    let live = true
    setData(null)
    setError('')
    fetchCustomerPanel(conversationId)
      .then((d) => live && setData(d))
      .catch((err) => live && setError(err instanceof ApiError ? err.message : t('agent.cust.loadFailed')))
    return () => {
      live = false
    }
  }, [conversationId])

  if (error) return <View className='customer customer--state'>{error}</View>
  if (!data) return <View className='customer customer--state'>{t('agent.cust.loading')}</View>
  return (
    <View className='customer' aria-label={t('agent.customerInfo')}>
      <View className='customer__card'>
        <Text className='customer__name'>{data.shopper.displayName}</Text>
        <Text className='customer__muted'>
          {t('agent.cust.since', { date: data.shopper.since.slice(0, 10), n: data.pastConversations })}
        </Text>
      </View>
      <Text className='customer__section'>{t('agent.cust.orders')}</Text>
      {data.orders.length === 0 ? <Text className='customer__muted customer__pad'>{t('agent.cust.noOrders')}</Text> : null}
      {data.orders.map((o) => (
        <View key={o.orderNo} className={`customer__card ${o.orderNo === data.linkedOrderNo ? 'customer__card--linked' : ''}`}>
          <View className='customer__row'>
            <Text className='customer__title'>{o.title}</Text>
            <Text className='customer__amount'>{o.amountCents === undefined ? '' : yuan(o.amountCents)}</Text>
          </View>
          <Text className='customer__mono'>{o.orderNo}</Text>
          <Text className='customer__muted'>
            {orderStatusText(o.status)}
            {o.placedAt ? ` · ${clockTime(o.placedAt)}` : ''}
            {o.orderNo === data.linkedOrderNo ? t('agent.cust.thisChat') : ''}
          </Text>
        </View>
      ))}
      <Text className='customer__section'>{t('agent.cust.tickets')}</Text>
      {data.tickets.length === 0 ? <Text className='customer__muted customer__pad'>{t('agent.cust.noTickets')}</Text> : null}
      {data.tickets.map((tk) => (
        <View
          key={tk.id}
          className='customer__card'
          role='button'
          ariaRole='button'
          aria-label={t('agent.cust.ticketAria', { title: tk.title })}
          onClick={() => onOpenTicket?.(tk.id)}
        >
          <View className='customer__row'>
            <Text className='customer__title'>{tk.title}</Text>
            <Text className={`customer__status customer__status--${tk.status}`}>{ticketStatusLabel(tk.status)}</Text>
          </View>
          <Text className='customer__muted'>
            {serviceTypeLabel(tk.serviceType)} · {clockTime(tk.createdAt)}
          </Text>
        </View>
      ))}
    </View>
  )
}
