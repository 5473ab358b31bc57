import crypto from 'node:crypto'
import type { Database } from '../../../db/database'
import { isUniqueViolation } from '../chat.mutate'
import type { WechatInboundTable, WechatOutboundTable } from '../chat.tables'

export type InboundRow = WechatInboundTable
export type OutboundRow = WechatOutboundTable

/** Stores a push once by its dedupe key; false when WeChat already delivered it (a retry). */
export async function storeInbound(db: Database, dedupeKey: string, openid: string, payload: object, now: string): Promise<boolean> {
  try {
    await db
      .insertInto('wechat_inbound')
      .values({
        id: crypto.randomUUID(),
        dedupe_key: dedupeKey,
        openid,
        payload_json: JSON.stringify(payload),
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        last_error: null,
        created_at: now,
      })
      .execute()
    return true
  } catch (err) {
    if (isUniqueViolation(err)) return false
    throw err
  }
}

/** Pending pushes due at `now`, oldest first. */
export function dueInbound(db: Database, now: string, limit: number): Promise<InboundRow[]> {
  return db
    .selectFrom('wechat_inbound')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('created_at')
    .limit(limit)
    .execute()
}

/** Takes a pending push for `leaseUntil`; false when another worker took it first. */
export async function leaseInbound(db: Database, row: InboundRow, leaseUntil: string): Promise<boolean> {
  const res = await db
    .updateTable('wechat_inbound')
    .set({ next_attempt_at: leaseUntil, attempts: row.attempts + 1 })
    .where('id', '=', row.id)
    .where('attempts', '=', row.attempts)
    .where('status', '=', 'pending')
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Records how working on a push ended (or when to try again). */
export async function settleInbound(
  db: Database,
  id: string,
  patch: Pick<InboundRow, 'status'> & Partial<Pick<InboundRow, 'next_attempt_at' | 'last_error'>>,
): Promise<void> {
  await db.updateTable('wechat_inbound').set(patch).where('id', '=', id).execute()
}

/** Queues a message for custom/send; a message is queued at most once. */
export async function enqueueOutbound(db: Database, conversationId: string, messageId: string, openid: string, now: string) {
  await db
    .insertInto('wechat_outbound')
    .values({
      id: crypto.randomUUID(),
      conversation_id: conversationId,
      message_id: messageId,
      openid,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      errcode: null,
      last_error: null,
      created_at: now,
      sent_at: null,
      state_version: null,
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute()
}

/** Outbound rows due at `now`: pending ones, and 'sending' ones whose lease ran out. */
export function dueOutbound(db: Database, now: string, limit: number): Promise<OutboundRow[]> {
  return db
    .selectFrom('wechat_outbound')
    .selectAll()
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', now)
    .orderBy('created_at')
    .limit(limit)
    .execute()
}

/** Marks a row as being sent until `leaseUntil`; false when another worker has it. */
export async function claimOutbound(db: Database, row: OutboundRow, leaseUntil: string): Promise<boolean> {
  const res = await db
    .updateTable('wechat_outbound')
    .set({ status: 'sending', next_attempt_at: leaseUntil, attempts: row.attempts + 1 })
    .where('id', '=', row.id)
    .where('attempts', '=', row.attempts)
    .where('status', '=', row.status)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Records a delivery outcome. */
export async function settleOutbound(
  db: Database,
  id: string,
  patch: Partial<Pick<OutboundRow, 'status' | 'next_attempt_at' | 'errcode' | 'last_error' | 'sent_at'>>,
): Promise<void> {
  await db.updateTable('wechat_outbound').set(patch).where('id', '=', id).execute()
}

/** Replies spent since the window opened: sent ones, or (`queued`) also those still on their way. */
export async function repliesSince(db: Database, conversationId: string, since: string, queued = true): Promise<number> {
  const row = await db
    .selectFrom('wechat_outbound')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conversation_id', '=', conversationId)
    .where('created_at', '>=', since)
    .where('status', 'in', queued ? ['pending', 'sending', 'sent'] : ['sent'])
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Delivery state of these messages, by message id. */
export async function deliveryOf(db: Database, messageIds: string[]): Promise<Map<string, OutboundRow['status']>> {
  if (messageIds.length === 0) return new Map()
  const rows = await db.selectFrom('wechat_outbound').select(['message_id', 'status']).where('message_id', 'in', messageIds).execute()
  return new Map(rows.map((r) => [r.message_id, r.status]))
}

/** Replies of a conversation whose delivery state changed after `version`, oldest first. */
export function messagesWithDeliveryAfter(db: Database, conversationId: string, version: number, limit: number) {
  return db
    .selectFrom('wechat_outbound')
    .innerJoin('chat_messages', 'chat_messages.id', 'wechat_outbound.message_id')
    .selectAll('chat_messages')
    .where('wechat_outbound.conversation_id', '=', conversationId)
    .where('wechat_outbound.state_version', '>', version)
    .orderBy('chat_messages.seq', 'asc')
    .limit(limit)
    .execute()
}

/** Records the conversation version at which a reply's delivery state changed. */
export async function markDeliveryVersion(db: Database, outboundId: string, version: number): Promise<void> {
  await db.updateTable('wechat_outbound').set({ state_version: version }).where('id', '=', outboundId).execute()
}
