import type { OrderStatus } from '@shared/order'

/** How shoppers and agents read an order's status. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  paid: '待发货',
  shipped: '已发货',
  delivered: '已签收',
  completed: '已完成',
  cancelled: '已取消',
}

/** The Chinese label for an order status; unknown values pass through unchanged. */
export function orderStatusLabel(status: string): string {
  return ORDER_STATUS_LABELS[status as OrderStatus] ?? status
}
