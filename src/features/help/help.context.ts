import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { Order } from '@shared/order'
import { countOpenTickets, fetchRecentOrders } from './help.api'
import { t } from '@/lib/i18n'

/** Open ticket count for the 我的工单 card; refreshed each time the help center shows. */
export function useOpenTickets(): [number, () => void] {
  const [count, setCount] = useState(0)
  const refresh = () => {
    countOpenTickets()
      .then(setCount)
      .catch(() => undefined)
  }
  return [count, refresh]
}

/** Lets the shopper pick an order to bring into WeChat service (up to six, the sheet's limit). */
export function useOrderPicker(): { orderNo: string | null; pick: () => Promise<void> } {
  const [orderNo, setOrderNo] = useState<string | null>(null)
  const pick = async () => {
    let orders: Order[] = []
    try {
      orders = (await fetchRecentOrders()).slice(0, 5)
    } catch (e) {
      await Taro.showToast({ title: (e as Error).message, icon: 'none' })
      return
    }
    const labels = orders.map((o) => `${o.items[0]?.name ?? o.orderNo} · …${o.orderNo.slice(-6)}`)
    try {
      const { tapIndex } = await Taro.showActionSheet({ itemList: [...labels, t('help.noOrder')], alertText: t('help.pickOrder') })
      setOrderNo(orders[tapIndex]?.orderNo ?? null)
    } catch {
      // Sheet dismissed: keep the current choice.
    }
  }
  return { orderNo, pick }
}
