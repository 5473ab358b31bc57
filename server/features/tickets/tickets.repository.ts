import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../db/schema'
import type { TicketStatus } from '../../../types/ticket-data'
import type { TicketComplaintsTable, TicketEventsTable, TicketIdempotencyTable, TicketsTable } from './tickets.tables'

type Db = Kysely<DB> | Transaction<DB>

export type TicketRecord = TicketsTable
export type EventRecord = TicketEventsTable

/** A ticket with the names and complaint agents see beside it. */
export interface TicketRow extends TicketsTable {
  shopper_name: string
  assignee_name: string | null
  complaint_reason: string | null
  complaint_basis: string | null
  complaint_created_at: string | null
}

/** Tickets joined with shopper, assignee and complaint. */
export function selectTickets(db: Db) {
  return db
    .selectFrom('tickets')
    .innerJoin('users as shopper', 'shopper.id', 'tickets.user_id')
    .leftJoin('users as assignee', 'assignee.id', 'tickets.assignee_id')
    .leftJoin('ticket_complaints as complaint', 'complaint.ticket_id', 'tickets.id')
    .selectAll('tickets')
    .select([
      'shopper.display_name as shopper_name',
      'assignee.display_name as assignee_name',
      'complaint.reason as complaint_reason',
      'complaint.basis as complaint_basis',
      'complaint.created_at as complaint_created_at',
    ])
}

/** One ticket with its joins; limited to `ownerId`'s tickets when given. */
export function findTicket(db: Db, id: string, ownerId?: string): Promise<TicketRow | undefined> {
  let q = selectTickets(db).where('tickets.id', '=', id)
  if (ownerId) q = q.where('tickets.user_id', '=', ownerId)
  return q.executeTakeFirst()
}

/**
 * Bumps the ticket's version and returns the row. Inside a transaction this holds the row lock
 * (PostgreSQL) or the write lock (SQLite) until commit, so concurrent changes run one at a time.
 */
export function lockTicket(db: Db, id: string, ownerId?: string): Promise<TicketRecord | undefined> {
  let q = db
    .updateTable('tickets')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
  if (ownerId) q = q.where('user_id', '=', ownerId)
  return q.returningAll().executeTakeFirst()
}

export async function insertTicket(db: Db, row: TicketRecord): Promise<void> {
  await db.insertInto('tickets').values(row).execute()
}

export async function updateTicket(db: Db, id: string, patch: Partial<TicketRecord>): Promise<void> {
  await db.updateTable('tickets').set(patch).where('id', '=', id).execute()
}

/** Appends events in order; call with the ticket locked so sequence numbers cannot collide. */
export async function appendEvents(db: Db, ticketId: string, events: Omit<EventRecord, 'seq' | 'ticket_id'>[]): Promise<void> {
  if (events.length === 0) return
  const last = await db
    .selectFrom('ticket_events')
    .select((eb) => eb.fn.max('seq').as('max'))
    .where('ticket_id', '=', ticketId)
    .executeTakeFirst()
  const start = Number(last?.max ?? 0) + 1
  await db
    .insertInto('ticket_events')
    .values(events.map((e, i) => ({ ...e, ticket_id: ticketId, seq: start + i })))
    .execute()
}

/** A ticket's events in order, optionally without internal notes. */
export function listEvents(db: Db, ticketId: string, includeInternal: boolean): Promise<EventRecord[]> {
  let q = db.selectFrom('ticket_events').selectAll().where('ticket_id', '=', ticketId)
  if (!includeInternal) q = q.where('internal', '=', 0)
  return q.orderBy('seq', 'asc').execute()
}

/** Claims an idempotency key; false when it was already taken (waits for a concurrent claimer to finish). */
export async function claimIdempotencyKey(db: Db, row: TicketIdempotencyTable): Promise<boolean> {
  const res = await db
    .insertInto('ticket_idempotency')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0
}

export function findIdempotencyKey(db: Db, userId: string, key: string): Promise<TicketIdempotencyTable | undefined> {
  return db.selectFrom('ticket_idempotency').selectAll().where('user_id', '=', userId).where('key', '=', key).executeTakeFirst()
}

export async function insertComplaint(db: Db, row: TicketComplaintsTable): Promise<void> {
  await db.insertInto('ticket_complaints').values(row).execute()
}

/** Ids of resolved tickets resolved at or before `cutoff`, oldest first. */
export async function resolvedBefore(db: Db, cutoff: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('id')
    .where('status', '=', 'resolved' satisfies TicketStatus)
    .where('resolved_at', '<=', cutoff)
    .orderBy('resolved_at', 'asc')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

/** A shopper's latest tickets, newest first (what other features show beside a conversation). */
export function listRecentTicketsOf(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('tickets')
    .select(['id', 'ticket_no', 'service_type', 'subtype', 'status', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()
}

/** Changes whenever any ticket is created or changed (every change bumps a version). */
export async function ticketsToken(db: Db): Promise<string> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.sum<number | string | null>('version').as('v')])
    .executeTakeFirstOrThrow()
  return `${Number(row.n)}.${Number(row.v ?? 0)}`
}
