import { View, Text } from '@tarojs/components'
import type { OrderCard as OrderCardData } from '@shared/chat'
import { yuan } from '@/lib/money'
import { t } from '@/lib/i18n'
import { orderStatusText } from './order-status'

/** An order as sent into the chat (a snapshot; it never changes afterwards). */
export function OrderCardView({ order }: { order: OrderCardData }) {
  return (
    <View className='order-card' data-i18n-allow='order-data' aria-label={`${t('messageList.orderNo')} ${order.orderNo}`}>
      <Text className='order-card__title'>{order.title || t('messageList.order')}</Text>
      <View className='order-card__row'>
        <Text className='order-card__no'>
          {t('messageList.orderNo')} {order.orderNo}
        </Text>
        {order.status ? <Text className='order-card__status'>{orderStatusText(order.status)}</Text> : null}
      </View>
      {typeof order.amountCents === 'number' ? <Text className='order-card__amount'>{yuan(order.amountCents)}</Text> : null}
    </View>
  )
}
