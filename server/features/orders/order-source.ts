import type { Order } from '../../../types/order'
import type { OrderActionBody } from '../../../types/order-action'

/** Whether an order number is one of the shopper's, someone else's, or not known to the source. */
export type OrderOwnership = 'owned' | 'foreign' | 'unknown'

/** Where shoppers' orders come from: the marketplace's order service in production, demo data here. */
export interface OrderSource {
  /** The shopper's recent orders, most recently paid first. */
  listOrders(userId: string, now: Date): Promise<Order[]>
  /** Whether `orderNo` belongs to the shopper; `unknown` when the source cannot tell. */
  ownership(userId: string, orderNo: string): Promise<OrderOwnership>
  /** Carries out a confirmed self-service action (already checked as allowed); the order as it is afterwards. */
  perform(userId: string, orderNo: string, action: OrderActionBody, now: Date): Promise<Order>
}
