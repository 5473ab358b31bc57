/**
 * Self-service actions on a shopper's own order: checked against the order's state, carried
 * out through the OrderSource, journaled once per idempotency key.
 */
import crypto from 'node:crypto'
import type { Order } from '../../../types/order'
import type { OrderActionBody, OrderActionResult } from '../../../types/order-action'
import type { Database } from '../../db/database'
import { HttpError } from '../../plugins/errors'
import { isUniqueViolation } from '../chat/chat.mutate'
import * as repo from './order-actions.repository'
import { refusalFor, type Refusal } from './order-actions.rules'
import { orderSource } from './orders.service'

const MESSAGES: Record<Refusal['code'], string> = {
  ORDER_ALREADY_SHIPPED: 'This order has already shipped, so it can no longer be changed here.',
  ORDER_CANCELLED: 'This order was cancelled.',
  NOT_SHIPPED_YET: 'This order has not shipped yet, so there is no parcel to track.',
  REFUND_TOO_HIGH: 'The refund can be at most what was paid and not yet refunded.',
  FIELD_REQUIRED: 'This action needs one more detail.',
}

/** One confirmed action and whether it had been done before under the same key. */
export interface PerformedAction {
  readonly result: OrderActionResult
  readonly replayed: boolean
}

// Key order must not make the same request look different.
function canonical(body: OrderActionBody): string {
  const { idempotencyKey: _key, ...rest } = body
  return JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))))
}

function detailOf(order: Order, body: OrderActionBody): string {
  switch (body.kind) {
    case 'track_parcel':
      return order.logistics ? `${order.logistics.companyName} ${order.logistics.trackingNo} ${order.logistics.latest}` : ''
    case 'change_address':
      return body.address?.trim() ?? ''
    case 'reissue_invoice':
      return body.invoiceTitle?.trim() ?? ''
    case 'request_refund':
      return body.reason ?? ''
    default:
      return ''
  }
}

function replay(row: { request_json: string; result_json: string }, body: OrderActionBody): PerformedAction {
  if (row.result_json === '{}')
    throw new HttpError(409, 'ACTION_IN_PROGRESS', 'This action is being carried out; try again in a moment.', 'body.idempotencyKey')
  if (row.request_json !== canonical(body)) {
    throw new HttpError(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      'This idempotency key was used for a different action; use a new key.',
      'body.idempotencyKey',
    )
  }
  return { result: JSON.parse(row.result_json) as OrderActionResult, replayed: true }
}

/** Carry out `body` on the shopper's order, or refuse with a 4xx naming the reason. */
export async function performOrderAction(
  db: Database,
  userId: string,
  body: OrderActionBody,
  now: Date = new Date(),
): Promise<PerformedAction> {
  const existing = await repo.findByKey(db, userId, body.idempotencyKey)
  if (existing) return replay(existing, body)
  const source = orderSource()
  const order = (await source.listOrders(userId, now)).find((o) => o.orderNo === body.orderNo)
  // Someone else's order looks exactly like a missing one.
  if (!order) throw new HttpError(404, 'ORDER_NOT_FOUND', 'We could not find this order in your account.', 'body.orderNo')
  const earlier = await repo.listForOrder(db, userId, body.orderNo)
  const refundedFen = earlier
    .filter((r) => r.kind === 'request_refund' && r.result_json !== '{}')
    .reduce((sum, r) => sum + ((JSON.parse(r.result_json) as OrderActionResult).amountFen ?? 0), 0)
  const refusal = refusalFor(order, body, { refundedFen })
  if (refusal) {
    const field = refusal.code === 'FIELD_REQUIRED' ? refusal.field : refusal.code === 'REFUND_TOO_HIGH' ? 'body.amountFen' : 'body.orderNo'
    throw new HttpError(
      refusal.status,
      refusal.code,
      MESSAGES[refusal.code],
      field,
      refusal.code === 'REFUND_TOO_HIGH' ? { params: { maxFen: refusal.maxFen }, details: { maxFen: refusal.maxFen } } : undefined,
    )
  }
  // The key is claimed before the marketplace is asked, so two racing taps never act twice.
  const id = crypto.randomUUID()
  const claim = {
    id,
    user_id: userId,
    idempotency_key: body.idempotencyKey,
    order_no: body.orderNo,
    kind: body.kind,
    request_json: canonical(body),
    result_json: '{}',
    created_at: now.toISOString(),
  }
  try {
    await repo.insertAction(db, claim)
  } catch (err) {
    const winner = isUniqueViolation(err) ? await repo.findByKey(db, userId, body.idempotencyKey) : undefined
    if (!winner) throw err
    return replay(winner, body)
  }
  let after: Order
  try {
    after = await source.perform(userId, body.orderNo, body, now)
  } catch (err) {
    await repo.deleteAction(db, id)
    throw err
  }
  const result: OrderActionResult = {
    id,
    kind: body.kind,
    orderNo: body.orderNo,
    orderStatus: after.status,
    ...(body.kind === 'request_refund' ? { amountFen: body.amountFen } : {}),
    detail: detailOf(after, body),
    createdAt: claim.created_at,
  }
  await repo.saveResult(db, id, JSON.stringify(result))
  return { result, replayed: false }
}
