import { View, Text } from '@tarojs/components'
import type { OrderCard as OrderCardData } from '@shared/chat'
import { defaultLang, listText, type MessageListText } from './message-list.i18n'
import { yuan } from '@/lib/money'

/** An order as sent into the chat (a snapshot; it never changes afterwards). */
export function OrderCardView({ order, text = listText(defaultLang) }: { order: OrderCardData; text?: MessageListText }) {
  const t = text
  return (
    <View className='order-card' aria-label={`${t.orderNo} ${order.orderNo}`}>
      <Text className='order-card__title'>{order.title || t.order}</Text>
      <View className='order-card__row'>
        <Text className='order-card__no'>
          {t.orderNo} {order.orderNo}
        </Text>
        {order.status ? <Text className='order-card__status'>{t.orderStatus[order.status] ?? order.status}</Text> : null}
      </View>
      {typeof order.amountCents === 'number' ? <Text className='order-card__amount'>{yuan(order.amountCents)}</Text> : null}
    </View>
  )
}
