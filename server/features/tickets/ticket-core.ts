import crypto from 'node:crypto'
import type { Transaction } from 'kysely'
import type { AttachmentInput } from '../../../types/ticket'
import type { ActorRole, TicketStatus, TimelineEventType } from '../../../types/ticket-data'
import type { Database } from '../../db/database'
import type { DB } from '../../db/schema'
import { HttpError } from '../../plugins/errors'
import { slaAfterTransition, withFirstResponse, type SlaPolicy, type SlaState } from './ticket-sla'
import { transition, type TransitionAction, type TransitionActor } from './ticket-status'
import * as repo from './tickets.repository'
import type { EventRecord, TicketRecord } from './tickets.repository'

/** Who is acting: their role, id and name as shown in the timeline. */
export interface Actor {
  role: ActorRole
  id: string | null
  name: string
}

export const SYSTEM: Actor = { role: 'system', id: null, name: '系统' }

export function notFound(): HttpError {
  return new HttpError(404, 'NOT_FOUND', 'No such ticket.')
}

/** Runs `fn` in a transaction holding the ticket's lock; a ticket that is missing (or not the owner's) is a 404. */
export function withLockedTicket<T>(
  db: Database,
  id: string,
  ownerId: string | undefined,
  fn: (trx: Transaction<DB>, ticket: TicketRecord) => Promise<T>,
): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const ticket = await repo.lockTicket(trx, id, ownerId)
    if (!ticket) throw notFound()
    return fn(trx, ticket)
  })
}

/** A new timeline entry by `actor` at `at`. */
export function event(
  actor: Actor,
  at: string,
  type: TimelineEventType,
  more: { text?: string | null; attachments?: AttachmentInput[]; from?: TicketStatus; to?: TicketStatus; internal?: boolean } = {},
): Omit<EventRecord, 'seq' | 'ticket_id'> {
  return {
    id: crypto.randomUUID(),
    type,
    actor_role: actor.role,
    actor_id: actor.id,
    actor_name: actor.name,
    text: more.text ?? null,
    attachments: JSON.stringify((more.attachments ?? []).map((a) => ({ uploadId: a.uploadId, kind: a.kind }))),
    from_status: more.from ?? null,
    to_status: more.to ?? null,
    internal: more.internal ? 1 : 0,
    created_at: at,
  }
}

function slaOf(t: TicketRecord): SlaState {
  return {
    status: t.status,
    firstResponseDueAt: t.first_response_due_at,
    resolutionDueAt: t.resolution_due_at,
    firstRespondedAt: t.first_responded_at,
    awaitingSince: t.awaiting_since,
    resolvedAt: t.resolved_at,
  }
}

function slaColumns(s: SlaState): Partial<TicketRecord> {
  return {
    status: s.status,
    first_response_due_at: s.firstResponseDueAt,
    resolution_due_at: s.resolutionDueAt,
    first_responded_at: s.firstRespondedAt,
    awaiting_since: s.awaitingSince,
    resolved_at: s.resolvedAt,
  }
}

/** Refuses a move the status machine does not allow (or that is not the `expected` step): 409 naming the current status. */
export function checkMove(ticket: TicketRecord, to: TicketStatus, actor: TransitionActor, expected?: TransitionAction): TransitionAction {
  const result = transition(ticket.status, to, actor)
  if (!result.ok || (expected && result.action !== expected)) {
    throw new HttpError(409, 'ILLEGAL_TRANSITION', `A ${ticket.status} ticket cannot move to ${to}.`, undefined, {
      params: { from: ticket.status, to },
      details: { status: ticket.status },
    })
  }
  return result.action
}

/**
 * Applies a legal status move with its SLA bookkeeping (and the first response, when an agent
 * acts) and writes it with `patch`; returns the ticket as it now is.
 */
export async function applyMove(
  trx: Transaction<DB>,
  ticket: TicketRecord,
  to: TicketStatus,
  at: string,
  sla: SlaPolicy,
  opts: { firstResponse?: boolean; patch?: Partial<TicketRecord> } = {},
): Promise<TicketRecord> {
  let state = slaAfterTransition(slaOf(ticket), to, at, sla)
  if (opts.firstResponse) state = withFirstResponse(state, at)
  const changes: Partial<TicketRecord> = { ...slaColumns(state), updated_at: at, ...opts.patch }
  if (to === 'closed') changes.closed_at = at
  await repo.updateTicket(trx, ticket.id, changes)
  return { ...ticket, ...changes }
}

/** Records the first agent response on a ticket whose status does not change. */
export function firstResponsePatch(ticket: TicketRecord, at: string): Partial<TicketRecord> {
  return ticket.first_responded_at ? {} : { first_responded_at: at }
}
