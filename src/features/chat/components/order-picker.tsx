import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { Order } from '@shared/order'
import { fetchOrders } from '../chat.api'
import { orderCardOf } from '../chat.actions'
import { t } from '@/lib/i18n'
import { OrderCardView } from '@/components/message-list'

/** Bottom sheet listing the shopper's orders; tapping one sends its card. */
export function OrderPicker({ onPick, onClose }: { onPick: (o: Order) => void; onClose: () => void }) {
  const [orders, setOrders] = useState<Order[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    fetchOrders()
      .then(setOrders)
      .catch((e: Error) => setError(e.message))
  }, [])
  return (
    <View className='sheet' role='dialog' ariaRole='dialog' aria-label={t('chat.pickOrder')}>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        <View className='sheet__head'>
          <Text className='sheet__title'>{t('chat.pickOrder')}</Text>
          <View className='sheet__close' role='button' ariaRole='button' aria-label={t('chat.close')} onClick={onClose}>
            ×
          </View>
        </View>
        {error ? <Text className='field__error'>{error}</Text> : null}
        {!orders && !error ? <Text className='muted'>{t('chat.loading')}</Text> : null}
        {orders?.length === 0 ? <Text className='muted'>{t('chat.noOrders')}</Text> : null}
        {orders?.map((o) => (
          <View key={o.orderNo} className='order-pick' role='button' ariaRole='button' onClick={() => onPick(o)}>
            <OrderCardView order={orderCardOf(o)} />
          </View>
        ))}
      </View>
    </View>
  )
}
