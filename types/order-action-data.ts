/** Self-service action values shared by the app and the server (no imports: bundled into the mini-program). */

/** Actions the bot offers as confirmable cards in the chat. */
export const ORDER_ACTION_KINDS = [
  'urge_shipment',
  'request_refund',
  'change_address',
  'cancel_order',
  'track_parcel',
  'reissue_invoice',
] as const
export type OrderActionKind = (typeof ORDER_ACTION_KINDS)[number]

/** Why a shopper asks for a refund. */
export const REFUND_REASONS = ['not_wanted', 'damaged', 'wrong_item', 'missing_item', 'not_received', 'other'] as const
export type RefundReason = (typeof REFUND_REASONS)[number]
