import crypto from 'node:crypto'
import type { SessionUser } from '../../../types/auth'
import type { CreateTicketBody, Ticket, TicketDetail, TicketListQuery, TicketPage } from '../../../types/ticket'
import type { Database } from '../../db/database'
import { HttpError } from '../../plugins/errors'
import { assertOrderUsable } from '../orders/orders.service'
import { assertOwnUploads } from './ticket-attachments'
import { event, notFound } from './ticket-core'
import { initialDueTimes } from './ticket-sla'
import { validateTicketInput, type ValidTicketInput } from './ticket-validation'
import type { TicketSettings } from './tickets.config'
import { toEvent, toTicket } from './tickets.mapper'
import { listTickets } from './tickets.query'
import * as repo from './tickets.repository'
import { withNotifications } from './ticket-timeline'
import { normalizeCaseNo } from '../../../types/chat-data'
import { newCaseNo } from '../cases/case-no'
import { shopperHasCase } from '../cases/cases.repository'

const CST = 8 * 3_600_000

/** Calendar date in Beijing time, YYYY-MM-DD. */
const chinaDate = (iso: string) => new Date(Date.parse(iso) + CST).toISOString().slice(0, 10)

/** Hash of the request body with keys sorted, so the same submission always hashes the same. */
export function bodyHash(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('hex')
}

function ticketRecord(user: SessionUser, input: ValidTicketInput, at: string, settings: TicketSettings, caseNo: string): repo.TicketRecord {
  const due = initialDueTimes(at, settings.sla)
  return {
    id: crypto.randomUUID(),
    ticket_no: `T${chinaDate(at).replace(/-/g, '')}${crypto.randomInt(0, 1_000_000).toString().padStart(6, '0')}`,
    user_id: user.id,
    service_type: input.serviceType,
    subtype: input.subtype,
    order_no: input.orderNo,
    product_name: input.productName,
    purchased_at: input.purchasedAt,
    description: input.description,
    attachments: JSON.stringify(input.attachments.map((a) => ({ uploadId: a.uploadId, kind: a.kind }))),
    outcome: input.outcome,
    contact_email: input.contact.email,
    contact_phone: input.contact.phone,
    channel: input.channel,
    case_no: caseNo,
    status: 'submitted',
    priority: 'normal',
    assignee_id: null,
    version: 0,
    reopen_count: 0,
    resolution_summary: null,
    first_response_due_at: due.firstResponseDueAt,
    resolution_due_at: due.resolutionDueAt,
    first_responded_at: null,
    awaiting_since: null,
    resolved_at: null,
    closed_at: null,
    escalated_at: null,
    rating_score: null,
    rating_comment: null,
    rating_tags: null,
    rated_at: null,
    rating_updated_at: null,
    created_at: at,
    updated_at: at,
  }
}

/**
 * Inserts the ticket unless this key was used before. The key is claimed in the same transaction
 * as the insert, so concurrent retries wait for the first and then find its ticket.
 */
async function insertOnce(db: Database, user: SessionUser, key: string, hash: string, record: repo.TicketRecord) {
  return db.transaction().execute(async (trx) => {
    const claimed = await repo.claimIdempotencyKey(trx, {
      user_id: user.id,
      key,
      request_hash: hash,
      ticket_id: record.id,
      created_at: record.created_at,
    })
    if (!claimed) {
      const prior = await repo.findIdempotencyKey(trx, user.id, key)
      if (!prior) throw new Error('idempotency key vanished while claimed')
      if (prior.request_hash !== hash) {
        throw new HttpError(
          422,
          'IDEMPOTENCY_KEY_REUSED',
          'This Idempotency-Key was already used for a different ticket; use a new key for a new submission.',
          'headers.idempotency-key',
        )
      }
      return { id: prior.ticket_id, replayed: true }
    }
    await repo.insertTicket(trx, record)
    await repo.appendEvents(trx, record.id, [
      event({ role: 'shopper', id: user.id, name: user.displayName }, record.created_at, 'created', { to: 'submitted' }),
    ])
    return { id: record.id, replayed: false }
  })
}

/** The case a new ticket joins: the shopper's own case it names (from the chat), else a new one. */
async function caseNoFor(db: Database, userId: string, given: string | undefined): Promise<string> {
  const caseNo = given ? normalizeCaseNo(given) : null
  if (caseNo && (await shopperHasCase(db, userId, caseNo))) return caseNo
  return newCaseNo()
}

/** Creates a ticket once per Idempotency-Key after the catalog, order and attachment checks. */
export async function createTicket(db: Database, settings: TicketSettings, user: SessionUser, key: string, body: CreateTicketBody) {
  const at = new Date().toISOString()
  const input = validateTicketInput(body, chinaDate(at))
  if (input.orderNo) await assertOrderUsable(user.id, input.orderNo, 'body.orderNo')
  await assertOwnUploads(db, user.id, input.attachments)
  const caseNo = await caseNoFor(db, user.id, body.caseNo)
  const hash = bodyHash(body)
  for (let attempt = 1; ; attempt++) {
    try {
      const { id, replayed } = await insertOnce(db, user, key, hash, ticketRecord(user, input, at, settings, caseNo))
      return { ticket: await getMyTicket(db, settings, user.id, id), replayed }
    } catch (err) {
      // A ticket number drawn twice is rare; draw again.
      if (attempt < 3 && err instanceof Error && /ticket_no/.test(err.message)) continue
      throw err
    }
  }
}

/** The shopper's tickets, newest first, filtered by status and/or tab. */
export async function listMyTickets(db: Database, settings: TicketSettings, userId: string, q: TicketListQuery): Promise<TicketPage> {
  const now = new Date().toISOString()
  const { rows, nextCursor } = await listTickets(
    db,
    { userId, status: q.status, group: q.group, cursor: q.cursor, limit: q.limit ?? 20 },
    now,
  )
  return { items: rows.map((r) => toTicket(r, now, settings.sla)), nextCursor }
}

/** One of the shopper's tickets with its public timeline; someone else's is a 404. */
export async function getMyTicket(db: Database, settings: TicketSettings, userId: string, id: string): Promise<TicketDetail> {
  const row = await repo.findTicket(db, id, userId)
  if (!row) throw notFound()
  const now = new Date().toISOString()
  const ticket: Ticket = toTicket(row, now, settings.sla)
  return { ...ticket, timeline: await withNotifications(db, id, (await repo.listEvents(db, id, false)).map(toEvent)) }
}
