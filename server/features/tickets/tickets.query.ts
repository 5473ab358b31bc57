import type { ExpressionBuilder, Kysely } from 'kysely'
import type { DB } from '../../db/schema'
import { GROUP_STATUSES, OPEN_STATUSES, type TicketGroup, type TicketStatus, type TicketStatusFilter } from '../../../types/ticket-data'
import { HttpError } from '../../plugins/errors'
import { selectTickets, type TicketRow } from './tickets.repository'

export interface TicketFilter {
  userId?: string
  status?: TicketStatusFilter
  group?: TicketGroup
  serviceType?: string
  overdue?: boolean
  escalated?: boolean
  cursor?: string
  limit: number
}

interface Cursor {
  createdAt: string
  id: string
}

/** Opaque position after a row: its creation time and id (newest first, ties by id). */
export function encodeCursor(row: { created_at: string; id: string }): string {
  return Buffer.from(`${row.created_at}|${row.id}`).toString('base64url')
}

/** Reads a cursor from a previous page; a tampered one is a 400 naming `querystring.cursor`. */
export function decodeCursor(cursor: string): Cursor {
  const [createdAt, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|')
  if (extra !== undefined || !createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new HttpError(400, 'INVALID_CURSOR', 'This cursor is not valid; start again from the first page.', 'querystring.cursor')
  }
  return { createdAt, id }
}

type TicketsEb = ExpressionBuilder<DB, 'tickets'>

/** The SQL twin of isOverdue() in ticket-sla.ts: a due time passed without the response or the resolution. */
export function overdueCondition(eb: TicketsEb, now: string) {
  return eb.or([
    eb.and([
      eb('tickets.status', 'in', OPEN_STATUSES as unknown as TicketStatus[]),
      eb('tickets.first_responded_at', 'is', null),
      eb('tickets.first_response_due_at', '<', now),
    ]),
    eb.and([eb('tickets.status', 'in', ['submitted', 'in_progress'] as TicketStatus[]), eb('tickets.resolution_due_at', '<', now)]),
  ])
}

function statusesFor(filter: TicketFilter): TicketStatus[] | null {
  let set: TicketStatus[] | null = null
  if (filter.status) set = filter.status === 'open' ? [...OPEN_STATUSES] : [filter.status]
  if (filter.group) {
    const inGroup = GROUP_STATUSES[filter.group]
    set = set ? set.filter((s) => inGroup.includes(s)) : [...inGroup]
  }
  return set
}

/** One page of tickets, newest first, with the cursor of the next page (null on the last). */
export async function listTickets(
  db: Kysely<DB>,
  filter: TicketFilter,
  now: string,
): Promise<{ rows: TicketRow[]; nextCursor: string | null }> {
  let q = selectTickets(db)
  if (filter.userId) q = q.where('tickets.user_id', '=', filter.userId)
  const statuses = statusesFor(filter)
  if (statuses) {
    if (statuses.length === 0) return { rows: [], nextCursor: null }
    q = q.where('tickets.status', 'in', statuses)
  }
  if (filter.serviceType) q = q.where('tickets.service_type', '=', filter.serviceType)
  if (filter.escalated !== undefined) q = q.where('tickets.escalated_at', filter.escalated ? 'is not' : 'is', null)
  if (filter.overdue !== undefined) {
    q = q.where((eb) => (filter.overdue ? overdueCondition(eb, now) : eb.not(overdueCondition(eb, now))))
  }
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor)
    q = q.where((eb) =>
      eb.or([
        eb('tickets.created_at', '<', c.createdAt),
        eb.and([eb('tickets.created_at', '=', c.createdAt), eb('tickets.id', '<', c.id)]),
      ]),
    )
  }
  const rows = await q
    .orderBy('tickets.created_at', 'desc')
    .orderBy('tickets.id', 'desc')
    .limit(filter.limit + 1)
    .execute()
  const page = rows.slice(0, filter.limit)
  const last = page[page.length - 1]
  return { rows: page, nextCursor: rows.length > filter.limit && last ? encodeCursor(last) : null }
}

/** The columns the stats need, for tickets created since `since`. */
export function statsRows(db: Kysely<DB>, since: string) {
  return db
    .selectFrom('tickets')
    .select([
      'status',
      'created_at',
      'first_response_due_at',
      'resolution_due_at',
      'first_responded_at',
      'awaiting_since',
      'resolved_at',
      'escalated_at',
      'rating_score',
    ])
    .where('created_at', '>=', since)
    .execute()
}
