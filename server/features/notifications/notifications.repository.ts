import crypto from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../db/schema'
import type { NotificationChannel, NotificationEvent, NotificationStatus } from '../../../types/notification'
import type { NotificationOutboxTable } from './notifications.tables'

export type OutboxRow = NotificationOutboxTable
type Db = Kysely<DB> | Transaction<DB>

/** What the ticket flow hands over; contact is the ticket's, used when WeChat cannot deliver. */
export interface NewNotification {
  userId: string
  ticketId: string
  event: NotificationEvent
  title: string
  body: string
  contact?: { email?: string | null; phone?: string | null }
}

/**
 * Queues a notification; call it inside the transaction that changes the ticket so the message
 * exists exactly when the change does. WeChat is tried first; the worker falls back to email/SMS.
 * Returns the event id (one per call).
 */
export async function enqueueNotification(db: Db, n: NewNotification): Promise<string> {
  const now = new Date().toISOString()
  const eventId = crypto.randomUUID()
  await db
    .insertInto('notification_outbox')
    .values({
      id: crypto.randomUUID(),
      event_id: eventId,
      user_id: n.userId,
      ticket_id: n.ticketId,
      event: n.event,
      title: n.title.slice(0, 200),
      body: n.body,
      contact_email: n.contact?.email || null,
      contact_phone: n.contact?.phone || null,
      channel: 'wechat',
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      delivered_at: null,
    })
    .execute()
  return eventId
}

/** Queues the same event on another channel; false when that channel already has it. */
export async function enqueueFallback(db: Db, from: OutboxRow, channel: NotificationChannel, now: string): Promise<boolean> {
  const res = await db
    .insertInto('notification_outbox')
    .values({
      ...from,
      id: crypto.randomUUID(),
      channel,
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      created_at: now,
      delivered_at: null,
    })
    .onConflict((oc) => oc.columns(['event_id', 'channel']).doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0
}

export interface OutboxFilter {
  userId?: string
  ticketId?: string
  status?: NotificationStatus
  channel?: NotificationChannel
  /** From a previous page's nextCursor. */
  cursor?: string
  limit?: number
}

/** Outbox rows, newest first, with a cursor for the next page (null on the last). */
export async function listOutbox(db: Db, filter: OutboxFilter = {}): Promise<{ items: OutboxRow[]; nextCursor: string | null }> {
  const limit = Math.min(Math.max(filter.limit ?? 20, 1), 100)
  let q = db.selectFrom('notification_outbox').selectAll()
  if (filter.userId) q = q.where('user_id', '=', filter.userId)
  if (filter.ticketId) q = q.where('ticket_id', '=', filter.ticketId)
  if (filter.status) q = q.where('status', '=', filter.status)
  if (filter.channel) q = q.where('channel', '=', filter.channel)
  const after = decodeCursor(filter.cursor)
  if (after) {
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)])]),
    )
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null }
}

function encodeCursor(row: OutboxRow): string {
  return Buffer.from(`${row.created_at}|${row.id}`).toString('base64url')
}

function decodeCursor(cursor: string | undefined): { createdAt: string; id: string } | null {
  if (!cursor) return null
  const [createdAt, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  return createdAt && id ? { createdAt, id } : null
}
