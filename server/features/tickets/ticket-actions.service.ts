import crypto from 'node:crypto'
import type { SessionUser } from '../../../types/auth'
import type { ContactBody, RatingBody, ReplyBody, TicketDetail } from '../../../types/ticket'
import type { Database } from '../../db/database'
import { HttpError } from '../../plugins/errors'
import { assertOwnUploads } from './ticket-attachments'
import { applyMove, checkMove, event, withLockedTicket, type Actor } from './ticket-core'
import { canEditRating, canShopperReply, escalationBasis } from './ticket-policy'
import { assertDistinctUploads, normalizeContact } from './ticket-validation'
import type { TicketSettings } from './tickets.config'
import { policyState } from './tickets.mapper'
import * as repo from './tickets.repository'
import { getMyTicket } from './tickets.service'

const shopper = (u: SessionUser): Actor => ({ role: 'shopper', id: u.id, name: u.displayName })
const nowIso = () => new Date().toISOString()

/** Runs a shopper's change on their own ticket, then returns the ticket as they now see it. */
async function act(
  db: Database,
  settings: TicketSettings,
  user: SessionUser,
  id: string,
  fn: Parameters<typeof withLockedTicket>[3],
): Promise<TicketDetail> {
  await withLockedTicket(db, id, user.id, fn)
  return getMyTicket(db, settings, user.id, id)
}

/** Adds the shopper's text and/or files; answering a question puts the ticket back in progress. */
export async function shopperReply(db: Database, settings: TicketSettings, user: SessionUser, id: string, body: ReplyBody) {
  const text = body.text.trim()
  if (!text && body.attachments.length === 0) throw new HttpError(400, 'FIELD_REQUIRED', 'Write a message or attach a file.', 'body.text')
  assertDistinctUploads(body.attachments)
  await assertOwnUploads(db, user.id, body.attachments)
  return act(db, settings, user, id, async (trx, t) => {
    if (!canShopperReply(t.status)) {
      const hint = t.status === 'resolved' ? ' Reopen it to add more.' : ''
      throw new HttpError(409, 'REPLY_NOT_ALLOWED', `This ticket is ${t.status}; replies are closed.${hint}`, undefined, {
        params: { status: t.status },
        details: { status: t.status },
      })
    }
    const at = nowIso()
    const events = [event(shopper(user), at, 'reply', { text: text || null, attachments: body.attachments })]
    if (t.status === 'awaiting_customer') {
      checkMove(t, 'in_progress', 'shopper', 'supplement')
      await applyMove(trx, t, 'in_progress', at, settings.sla)
      events.push(event(shopper(user), at, 'status_changed', { from: t.status, to: 'in_progress' }))
    } else {
      await repo.updateTicket(trx, t.id, { updated_at: at })
    }
    await repo.appendEvents(trx, t.id, events)
  })
}

/** The shopper confirms the problem is solved: resolved → closed. */
export function confirmTicket(db: Database, settings: TicketSettings, user: SessionUser, id: string) {
  return act(db, settings, user, id, async (trx, t) => {
    checkMove(t, 'closed', 'shopper', 'confirm')
    const at = nowIso()
    await applyMove(trx, t, 'closed', at, settings.sla)
    await repo.appendEvents(trx, t.id, [event(shopper(user), at, 'confirmed', { from: t.status, to: 'closed' })])
  })
}

/** The problem came back: resolved → in_progress with a fresh resolution window and raised priority. */
export function reopenTicket(db: Database, settings: TicketSettings, user: SessionUser, id: string, reason: string) {
  return act(db, settings, user, id, async (trx, t) => {
    checkMove(t, 'in_progress', 'shopper', 'reopen')
    const at = nowIso()
    const patch = { reopen_count: t.reopen_count + 1, priority: t.priority === 'normal' ? ('high' as const) : t.priority }
    await applyMove(trx, t, 'in_progress', at, settings.sla, { patch })
    await repo.appendEvents(trx, t.id, [event(shopper(user), at, 'reopened', { text: reason.trim(), from: t.status, to: 'in_progress' })])
  })
}

/** First rating of a resolved or closed ticket; given once. */
export function rateTicket(db: Database, settings: TicketSettings, user: SessionUser, id: string, body: RatingBody) {
  return act(db, settings, user, id, async (trx, t) => {
    if (t.rating_score !== null)
      throw new HttpError(409, 'ALREADY_RATED', 'You already rated this ticket; change the rating with PUT instead.')
    if (t.status !== 'resolved' && t.status !== 'closed') {
      throw new HttpError(409, 'RATING_NOT_ALLOWED', 'A ticket can be rated once it is resolved.', undefined, {
        params: { status: t.status },
        details: { status: t.status },
      })
    }
    const at = nowIso()
    await repo.updateTicket(trx, t.id, { ...ratingColumns(body), rated_at: at, rating_updated_at: at, updated_at: at })
    await repo.appendEvents(trx, t.id, [event(shopper(user), at, 'rated', { text: ratingText(body) })])
  })
}

/** Changes the rating within 24 hours of giving it. */
export function updateRating(db: Database, settings: TicketSettings, user: SessionUser, id: string, body: RatingBody) {
  return act(db, settings, user, id, async (trx, t) => {
    if (t.rating_score === null) throw new HttpError(409, 'NOT_RATED', 'This ticket has no rating yet; give one with POST first.')
    const at = nowIso()
    if (!canEditRating(policyState(t), at))
      throw new HttpError(409, 'RATING_LOCKED', 'A rating can only be changed within 24 hours.', undefined, { params: { hours: 24 } })
    await repo.updateTicket(trx, t.id, { ...ratingColumns(body), rating_updated_at: at, updated_at: at })
    await repo.appendEvents(trx, t.id, [event(shopper(user), at, 'rating_updated', { text: ratingText(body) })])
  })
}

function ratingColumns(body: RatingBody) {
  return { rating_score: body.score, rating_comment: body.comment?.trim() || null, rating_tags: JSON.stringify(body.tags) }
}

const ratingText = (body: RatingBody) => `${body.score}/5${body.comment?.trim() ? ` ${body.comment.trim()}` : ''}`

/** 投诉直通车: allowed once, when a due time passed, after reopening, or after a rating of 2 or less. */
export function escalateTicket(db: Database, settings: TicketSettings, user: SessionUser, id: string, reason: string) {
  return act(db, settings, user, id, async (trx, t) => {
    if (t.escalated_at) throw new HttpError(409, 'ALREADY_ESCALATED', 'This ticket has already been escalated.')
    const at = nowIso()
    const basis = escalationBasis(policyState(t), at)
    if (!basis) {
      const msg = 'Escalation is possible once a due time has passed, after reopening, or after a rating of 2 or less.'
      throw new HttpError(409, 'ESCALATION_NOT_ALLOWED', msg, undefined, { params: { status: t.status }, details: { status: t.status } })
    }
    await repo.updateTicket(trx, t.id, { escalated_at: at, priority: 'urgent', updated_at: at })
    await repo.insertComplaint(trx, {
      id: crypto.randomUUID(),
      ticket_id: t.id,
      user_id: user.id,
      reason: reason.trim(),
      basis,
      created_at: at,
    })
    await repo.appendEvents(trx, t.id, [event(shopper(user), at, 'escalated', { text: reason.trim() })])
  })
}

/** Updates how the shopper can be reached about this ticket. */
export function updateContact(db: Database, settings: TicketSettings, user: SessionUser, id: string, body: ContactBody) {
  const contact = normalizeContact(body)
  return act(db, settings, user, id, async (trx, t) => {
    const at = nowIso()
    const patch = {
      ...(body.email !== undefined ? { contact_email: contact.email } : {}),
      ...(body.phone !== undefined ? { contact_phone: contact.phone } : {}),
    }
    await repo.updateTicket(trx, t.id, { ...patch, updated_at: at })
    await repo.appendEvents(trx, t.id, [event(shopper(user), at, 'contact_updated')])
  })
}
