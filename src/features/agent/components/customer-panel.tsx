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
      .catch((err) => live && setError(err instanceof ApiError ? err.message : '顾客信息加载失败'))
    return () => {
      live = false
    }
  }, [conversationId])

  if (error) return <View className='customer customer--state'>{error}</View>
  if (!data) return <View className='customer customer--state'>加载顾客信息…</View>
  return (
    <View className='customer' aria-label='顾客信息'>
      <View className='customer__card'>
        <Text className='customer__name'>{data.shopper.displayName}</Text>
        <Text className='customer__muted'>
          注册于 {data.shopper.since.slice(0, 10)} · 历史会话 {data.pastConversations}
        </Text>
      </View>
      <Text className='customer__section'>最近订单</Text>
      {data.orders.length === 0 ? <Text className='customer__muted customer__pad'>暂无订单</Text> : null}
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
            {o.orderNo === data.linkedOrderNo ? ' · 本次咨询' : ''}
          </Text>
        </View>
      ))}
      <Text className='customer__section'>工单</Text>
      {data.tickets.length === 0 ? <Text className='customer__muted customer__pad'>暂无工单</Text> : null}
      {data.tickets.map((t) => (
        <View
          key={t.id}
          className='customer__card'
          role='button'
          ariaRole='button'
          aria-label={`工单 ${t.title}`}
          onClick={() => onOpenTicket?.(t.id)}
        >
          <View className='customer__row'>
            <Text className='customer__title'>{t.title}</Text>
            <Text className={`customer__status customer__status--${t.status}`}>{ticketStatusLabel(t.status)}</Text>
          </View>
          <Text className='customer__muted'>
            {serviceTypeLabel(t.serviceType)} · {clockTime(t.createdAt)}
          </Text>
        </View>
      ))}
    </View>
  )
}
