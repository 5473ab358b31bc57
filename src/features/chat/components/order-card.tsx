import { View, Text } from '@tarojs/components'
import type { OrderCard as OrderCardData } from '@shared/chat'
import { chatText as t } from '../chat.i18n'

const STATUS: Record<string, string> = { paid: '待发货', shipped: '已发货', delivered: '已签收', completed: '已完成', cancelled: '已取消' }

/** An order as sent into the chat (a snapshot; it never changes afterwards). */
export function OrderCardView({ order }: { order: OrderCardData }) {
  return (
    <View className='order-card' aria-label={`${t.orderNo} ${order.orderNo}`}>
      <Text className='order-card__title'>{order.title || t.order}</Text>
      <View className='order-card__row'>
        <Text className='order-card__no'>
          {t.orderNo} {order.orderNo}
        </Text>
        {order.status ? <Text className='order-card__status'>{STATUS[order.status] ?? order.status}</Text> : null}
      </View>
      {typeof order.amountCents === 'number' ? <Text className='order-card__amount'>¥{(order.amountCents / 100).toFixed(2)}</Text> : null}
    </View>
  )
}
