import { isOrderNo } from '../../../types/catalog-data'
import type { Order } from '../../../types/order'
import { HttpError } from '../../plugins/errors'
import { demoOrderSource } from './demo-order-source'
import type { OrderSource } from './order-source'

let source: OrderSource = demoOrderSource

/** Replaces where orders come from (a marketplace adapter in production). */
export function setOrderSource(next: OrderSource): void {
  source = next
}

/** The source in use, for services that act on orders. */
export function orderSource(): OrderSource {
  return source
}

/** A shopper's recent orders, newest first; agents see these beside the chat. */
export function listOrdersFor(userId: string, now: Date = new Date()): Promise<Order[]> {
  return source.listOrders(userId, now)
}

/** Refuses a malformed order number, or one known to belong to another shopper; `field` names the input. */
export async function assertOrderUsable(userId: string, orderNo: string, field: string): Promise<void> {
  if (!isOrderNo(orderNo)) {
    throw new HttpError(400, 'INVALID_ORDER_NO', 'The order number should be 16 to 20 digits.', field, {
      params: { minDigits: 16, maxDigits: 20 },
    })
  }
  if ((await source.ownership(userId, orderNo.trim())) === 'foreign') {
    throw new HttpError(400, 'ORDER_NOT_FOUND', 'We could not find this order in your account.', field)
  }
}
