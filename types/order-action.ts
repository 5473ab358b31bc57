import { Type, type Static } from 'typebox'
import { ORDER_ACTION_KINDS, REFUND_REASONS } from './order-action-data'

export { ORDER_ACTION_KINDS, REFUND_REASONS, type OrderActionKind, type RefundReason } from './order-action-data'

export const OrderActionBodySchema = Type.Object(
  {
    kind: Type.Enum(ORDER_ACTION_KINDS),
    orderNo: Type.String({ pattern: '^\\d{16,20}$' }),
    idempotencyKey: Type.String({
      minLength: 8,
      maxLength: 64,
      pattern: '^[A-Za-z0-9_-]+$',
      description: 'One per confirmation; a retry with the same key returns the same result',
    }),
    amountFen: Type.Optional(Type.Integer({ minimum: 1, description: 'request_refund: at most what was paid and not yet refunded' })),
    reason: Type.Optional(Type.Enum(REFUND_REASONS)),
    address: Type.Optional(Type.String({ minLength: 5, maxLength: 200, description: 'change_address: the new delivery address' })),
    invoiceTitle: Type.Optional(
      Type.String({ minLength: 2, maxLength: 100, description: 'reissue_invoice: the title (抬头) on the invoice' }),
    ),
  },
  { additionalProperties: false },
)
export type OrderActionBody = Static<typeof OrderActionBodySchema>

/** What an action did, as shown on the card and in the conversation. */
export const OrderActionResultSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(ORDER_ACTION_KINDS),
  orderNo: Type.String(),
  orderStatus: Type.String(),
  amountFen: Type.Optional(Type.Integer()),
  detail: Type.String({ description: 'e.g. the latest tracking scan, the new address' }),
  createdAt: Type.String({ format: 'date-time' }),
})
export type OrderActionResult = Static<typeof OrderActionResultSchema>
