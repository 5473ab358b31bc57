import type { SessionUser } from '../../../types/auth'
import crypto from 'node:crypto'
import type {
  AgentReplyBody,
  AgentTicketDetail,
  AgentTicketListQuery,
  AgentTicketPage,
  Revealed,
  TransitionBody,
} from '../../../types/ticket'
import type { Database } from '../../db/database'
import { HttpError } from '../../plugins/errors'
import { assertOwnUploads } from './ticket-attachments'
import { applyMove, checkMove, event, firstResponsePatch, notFound, withLockedTicket, type Actor } from './ticket-core'
import { notifyShopper } from './ticket-notify'
import { assertDistinctUploads } from './ticket-validation'
import type { TicketSettings } from './tickets.config'
import { toAgentTicket, toEvent } from './tickets.mapper'
import { listTickets } from './tickets.query'
import * as repo from './tickets.repository'
import { withNotifications } from './ticket-timeline'

const agentActor = (u: SessionUser): Actor => ({ role: 'agent', id: u.id, name: u.displayName })
const nowIso = () => new Date().toISOString()

/** The queue: every shopper's tickets, newest first, filtered. */
export async function listAgentTickets(db: Database, settings: TicketSettings, q: AgentTicketListQuery): Promise<AgentTicketPage> {
  const now = nowIso()
  const { rows, nextCursor } = await listTickets(db, { ...q, limit: q.limit ?? 20 }, now)
  return { items: rows.map((r) => toAgentTicket(r, now, settings.sla)), nextCursor }
}

/** Any ticket with its full timeline, internal notes included. */
export async function getAgentTicket(db: Database, settings: TicketSettings, id: string): Promise<AgentTicketDetail> {
  const row = await repo.findTicket(db, id)
  if (!row) throw notFound()
  const events = (await repo.listEvents(db, id, true)).map(toEvent)
  return { ...toAgentTicket(row, nowIso(), settings.sla), timeline: await withNotifications(db, id, events) }
}

/** One contact detail in full, on an agent's explicit request; the reveal is recorded, never the value. */
export async function revealContact(db: Database, agent: SessionUser, id: string, field: 'phone' | 'email'): Promise<Revealed> {
  const row = await repo.findTicket(db, id)
  if (!row) throw notFound()
  await db
    .insertInto('data_reveals')
    .values({
      id: crypto.randomUUID(),
      agent_id: agent.id,
      subject: 'ticket',
      subject_id: id,
      field: `contact.${field}`,
      created_at: nowIso(),
    })
    .execute()
  return { field, value: field === 'phone' ? row.contact_phone : row.contact_email }
}

function requireText(value: string | undefined, field: string, message: string): string {
  const text = value?.trim()
  if (!text) throw new HttpError(400, 'FIELD_REQUIRED', message, field)
  return text
}

/** Accept, ask the shopper, resume or resolve; the shopper hears about accept, ask and resolve. */
export async function transitionTicket(db: Database, settings: TicketSettings, agent: SessionUser, id: string, body: TransitionBody) {
  await withLockedTicket(db, id, undefined, async (trx, t) => {
    const action = checkMove(t, body.to, 'agent')
    const message = body.message?.trim() || null
    const at = nowIso()
    const me = agentActor(agent)
    const patch = { assignee_id: t.assignee_id ?? agent.id } as Partial<repo.TicketRecord>
    const from = t.status
    if (action === 'ask') requireText(body.message, 'body.message', 'Say what the shopper should add (message).')
    if (action === 'resolve') {
      patch.resolution_summary = requireText(body.resolutionSummary, 'body.resolutionSummary', 'Summarise how the problem was resolved.')
    }
    const moved = await applyMove(trx, t, body.to, at, settings.sla, { firstResponse: action !== 'resume', patch })
    const events = []
    if (action === 'accept') events.push(event(me, at, 'accepted', { text: message, from, to: body.to }))
    else if (action === 'resolve') {
      if (message) events.push(event(me, at, 'reply', { text: message }))
      events.push(event(me, at, 'resolved', { text: patch.resolution_summary, from, to: body.to }))
    } else events.push(event(me, at, 'status_changed', { text: message, from, to: body.to }))
    await repo.appendEvents(trx, t.id, events)
    if (action === 'accept') await notifyShopper(trx, moved, 'accepted', message)
    if (action === 'ask') await notifyShopper(trx, moved, 'replied', message)
    if (action === 'resolve') await notifyShopper(trx, moved, 'resolved', patch.resolution_summary ?? null)
  })
  return getAgentTicket(db, settings, id)
}

/**
 * A reply to the shopper, or an internal note only agents see. A public reply on a new ticket
 * accepts it; replies to closed tickets are refused.
 */
export async function agentReply(db: Database, settings: TicketSettings, agent: SessionUser, id: string, body: AgentReplyBody) {
  const text = body.text.trim()
  if (!text && body.attachments.length === 0) throw new HttpError(400, 'FIELD_REQUIRED', 'Write a message or attach a file.', 'body.text')
  assertDistinctUploads(body.attachments)
  await assertOwnUploads(db, agent.id, body.attachments)
  await withLockedTicket(db, id, undefined, async (trx, t) => {
    const at = nowIso()
    const me = agentActor(agent)
    const reply = event(me, at, body.internal ? 'internal_note' : 'reply', {
      text: text || null,
      attachments: body.attachments,
      internal: body.internal,
    })
    if (body.internal) {
      await repo.updateTicket(trx, t.id, { updated_at: at })
      return repo.appendEvents(trx, t.id, [reply])
    }
    if (t.status === 'closed') {
      throw new HttpError(409, 'REPLY_NOT_ALLOWED', 'This ticket is closed; add an internal note instead.', undefined, {
        params: { status: t.status },
        details: { status: t.status },
      })
    }
    const events = []
    let current = t
    if (t.status === 'submitted') {
      checkMove(t, 'in_progress', 'agent')
      current = await applyMove(trx, t, 'in_progress', at, settings.sla, {
        firstResponse: true,
        patch: { assignee_id: t.assignee_id ?? agent.id },
      })
      events.push(event(me, at, 'accepted', { from: 'submitted', to: 'in_progress' }))
    } else {
      await repo.updateTicket(trx, t.id, { ...firstResponsePatch(t, at), updated_at: at })
    }
    events.push(reply)
    await repo.appendEvents(trx, t.id, events)
    await notifyShopper(trx, current, 'replied', text || null)
  })
  return getAgentTicket(db, settings, id)
}
