import type { TicketStatus } from '../../../types/ticket-data'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Service levels: hours to the first response and to resolution, days until a resolved ticket closes itself. */
export interface SlaPolicy {
  firstResponseHours: number
  resolutionHours: number
  autoCloseDays: number
}

/** The SLA-relevant part of a ticket, timestamps as ISO strings. */
export interface SlaState {
  status: TicketStatus
  firstResponseDueAt: string
  resolutionDueAt: string
  firstRespondedAt: string | null
  awaitingSince: string | null
  resolvedAt: string | null
}

const iso = (ms: number) => new Date(ms).toISOString()
const ms = (s: string) => Date.parse(s)

/** Due times for a ticket submitted at `createdAt`. */
export function initialDueTimes(createdAt: string, policy: SlaPolicy): Pick<SlaState, 'firstResponseDueAt' | 'resolutionDueAt'> {
  return {
    firstResponseDueAt: iso(ms(createdAt) + policy.firstResponseHours * HOUR),
    resolutionDueAt: iso(ms(createdAt) + policy.resolutionHours * HOUR),
  }
}

/**
 * The SLA fields after a status change at `at`. While the ticket waits for the shopper the
 * resolution clock stops: the time spent waiting is added to the due time when work resumes.
 * A reopened ticket gets a fresh resolution window.
 */
export function slaAfterTransition(state: SlaState, to: TicketStatus, at: string, policy: SlaPolicy): SlaState {
  const next: SlaState = { ...state, status: to }
  if (state.status === 'awaiting_customer' && to !== 'awaiting_customer' && state.awaitingSince) {
    const waited = Math.max(0, ms(at) - ms(state.awaitingSince))
    next.resolutionDueAt = iso(ms(state.resolutionDueAt) + waited)
    next.awaitingSince = null
  }
  if (to === 'awaiting_customer') next.awaitingSince = at
  if (to === 'resolved') next.resolvedAt = at
  if (state.status === 'resolved' && to === 'in_progress') {
    next.resolutionDueAt = iso(ms(at) + policy.resolutionHours * HOUR)
    next.resolvedAt = null
  }
  return next
}

/** Records the first agent response (accepting, asking or a public reply); later ones change nothing. */
export function withFirstResponse(state: SlaState, at: string): SlaState {
  return state.firstRespondedAt ? state : { ...state, firstRespondedAt: at }
}

/** True when the first response or the resolution is late right now. */
export function isOverdue(state: SlaState, now: string): boolean {
  const t = ms(now)
  const finished = state.status === 'resolved' || state.status === 'closed'
  if (!finished && !state.firstRespondedAt && t > ms(state.firstResponseDueAt)) return true
  const working = state.status === 'submitted' || state.status === 'in_progress'
  return working && t > ms(state.resolutionDueAt)
}

/** True when a due time was ever missed: overdue now, answered late, or resolved late. */
export function wasBreached(state: SlaState, now: string): boolean {
  if (isOverdue(state, now)) return true
  if (state.firstRespondedAt && ms(state.firstRespondedAt) > ms(state.firstResponseDueAt)) return true
  return state.resolvedAt !== null && ms(state.resolvedAt) > ms(state.resolutionDueAt)
}

/** When a resolved ticket closes itself; null unless resolved. */
export function autoCloseAt(state: Pick<SlaState, 'status' | 'resolvedAt'>, policy: SlaPolicy): string | null {
  if (state.status !== 'resolved' || !state.resolvedAt) return null
  return iso(ms(state.resolvedAt) + policy.autoCloseDays * DAY)
}

/** Resolved tickets resolved at or before this instant are due for auto-close at `now`. */
export function autoCloseCutoff(now: string, policy: SlaPolicy): string {
  return iso(ms(now) - policy.autoCloseDays * DAY)
}
