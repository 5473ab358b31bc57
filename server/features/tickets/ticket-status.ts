import type { TicketStatus } from '../../../types/ticket-data'

/** Who asks for a status change: the shopper, an agent, or the periodic sweep. */
export type TransitionActor = 'shopper' | 'agent' | 'system'

/** The named step a legal move corresponds to. */
export type TransitionAction = 'accept' | 'ask' | 'resume' | 'supplement' | 'resolve' | 'confirm' | 'auto_close' | 'reopen'

interface Rule {
  from: TicketStatus
  to: TicketStatus
  actor: TransitionActor
  action: TransitionAction
}

/** Every legal move; anything not listed is refused. */
export const TRANSITIONS: readonly Rule[] = [
  { from: 'submitted', to: 'in_progress', actor: 'agent', action: 'accept' },
  { from: 'in_progress', to: 'awaiting_customer', actor: 'agent', action: 'ask' },
  { from: 'awaiting_customer', to: 'in_progress', actor: 'agent', action: 'resume' },
  { from: 'awaiting_customer', to: 'in_progress', actor: 'shopper', action: 'supplement' },
  { from: 'in_progress', to: 'resolved', actor: 'agent', action: 'resolve' },
  { from: 'resolved', to: 'closed', actor: 'shopper', action: 'confirm' },
  { from: 'resolved', to: 'closed', actor: 'system', action: 'auto_close' },
  { from: 'resolved', to: 'in_progress', actor: 'shopper', action: 'reopen' },
]

export type TransitionResult = { ok: true; action: TransitionAction } | { ok: false; status: TicketStatus }

/** Decides whether `actor` may move a ticket from `from` to `to`; pure, no I/O. */
export function transition(from: TicketStatus, to: TicketStatus, actor: TransitionActor): TransitionResult {
  const rule = TRANSITIONS.find((r) => r.from === from && r.to === to && r.actor === actor)
  return rule ? { ok: true, action: rule.action } : { ok: false, status: from }
}

/** The statuses `actor` may move a ticket to from `from`. */
export function allowedTargets(from: TicketStatus, actor: TransitionActor): TicketStatus[] {
  return TRANSITIONS.filter((r) => r.from === from && r.actor === actor).map((r) => r.to)
}
