/**
 * Which self-service action an order allows right now. Pure: the order and what was
 * already done to it in, a verdict out.
 */
import type { OrderActionBody } from '../../../types/order-action'
import type { Order } from '../../../types/order'

/** Why an action cannot be done; each maps to a clear 4xx for the shopper. */
export type Refusal =
  | { code: 'ORDER_ALREADY_SHIPPED'; status: 409 }
  | { code: 'ORDER_CANCELLED'; status: 409 }
  | { code: 'NOT_SHIPPED_YET'; status: 409 }
  | { code: 'REFUND_TOO_HIGH'; status: 400; maxFen: number }
  | { code: 'FIELD_REQUIRED'; status: 400; field: string }

/** What was refunded already, in fen. */
export interface OrderHistory {
  readonly refundedFen: number
}

/** Null when the action may go ahead, else the refusal. */
export function refusalFor(order: Order, body: OrderActionBody, history: OrderHistory): Refusal | null {
  const cancelled = order.status === 'cancelled'
  const unshipped = order.status === 'paid'
  switch (body.kind) {
    case 'urge_shipment':
    case 'change_address':
    case 'cancel_order':
      if (cancelled) return { code: 'ORDER_CANCELLED', status: 409 }
      if (!unshipped) return { code: 'ORDER_ALREADY_SHIPPED', status: 409 }
      if (body.kind === 'change_address' && !body.address?.trim()) return { code: 'FIELD_REQUIRED', status: 400, field: 'body.address' }
      return null
    case 'track_parcel':
      return order.logistics ? null : { code: 'NOT_SHIPPED_YET', status: 409 }
    case 'request_refund': {
      if (!body.reason) return { code: 'FIELD_REQUIRED', status: 400, field: 'body.reason' }
      if (body.amountFen === undefined) return { code: 'FIELD_REQUIRED', status: 400, field: 'body.amountFen' }
      const maxFen = Math.max(0, order.amount.fen - history.refundedFen)
      return body.amountFen > maxFen ? { code: 'REFUND_TOO_HIGH', status: 400, maxFen } : null
    }
    case 'reissue_invoice':
      if (cancelled) return { code: 'ORDER_CANCELLED', status: 409 }
      return body.invoiceTitle?.trim() ? null : { code: 'FIELD_REQUIRED', status: 400, field: 'body.invoiceTitle' }
  }
}
