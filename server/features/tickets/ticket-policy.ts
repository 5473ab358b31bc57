import { RATING_EDIT_WINDOW_HOURS, type EscalationBasis, type TicketStatus } from '../../../types/ticket-data'
import type { TicketActions } from '../../../types/ticket'
import { wasBreached, type SlaState } from './ticket-sla'

/** What the shopper-facing rules need to know about a ticket. */
export interface PolicyState extends SlaState {
  reopenCount: number
  escalatedAt: string | null
  ratingScore: number | null
  ratedAt: string | null
}

const REPLYABLE: readonly TicketStatus[] = ['submitted', 'in_progress', 'awaiting_customer']

/** Shoppers add to a ticket while it is being worked on; once resolved they confirm or reopen instead. */
export function canShopperReply(status: TicketStatus): boolean {
  return REPLYABLE.includes(status)
}

/** A rating is given once the ticket is resolved or closed. */
export function canRate(t: PolicyState): boolean {
  return (t.status === 'resolved' || t.status === 'closed') && t.ratingScore === null
}

/** When a given rating stops being editable. */
export function ratingEditableUntil(ratedAt: string): string {
  return new Date(Date.parse(ratedAt) + RATING_EDIT_WINDOW_HOURS * 3_600_000).toISOString()
}

/** A rating may be changed for 24 hours after it was first given. */
export function canEditRating(t: PolicyState, now: string): boolean {
  return t.ratedAt !== null && Date.parse(now) < Date.parse(ratingEditableUntil(t.ratedAt))
}

/** Why the shopper may escalate now, or null: a missed due time, a reopened ticket, or a rating of 2 or less. */
export function escalationBasis(t: PolicyState, now: string): EscalationBasis | null {
  if (wasBreached(t, now)) return 'overdue'
  if (t.reopenCount > 0) return 'reopened'
  if (t.ratingScore !== null && t.ratingScore <= 2) return 'low_rating'
  return null
}

/** Escalation happens once per ticket and needs a basis. */
export function canEscalate(t: PolicyState, now: string): boolean {
  return t.escalatedAt === null && escalationBasis(t, now) !== null
}

/** Every shopper action and whether it is open now. */
export function shopperActions(t: PolicyState, now: string): TicketActions {
  return {
    reply: canShopperReply(t.status),
    confirm: t.status === 'resolved',
    reopen: t.status === 'resolved',
    rate: canRate(t),
    editRating: canEditRating(t, now),
    escalate: canEscalate(t, now),
  }
}
