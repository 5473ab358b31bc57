import {
  TICKET_CHANNEL_LABELS,
  TICKET_STATUS_LABELS,
  type TicketChannel,
  type TicketStatus,
  type TimelineEventType,
} from '@shared/ticket-data'
import { hasMessage, named, t } from '@/lib/i18n'

/** Where a ticket came from, in the active language ("email" → "邮件咨询"); unknown ones pass through. */
export function ticketChannelLabel(channel: string): string {
  return channel in TICKET_CHANNEL_LABELS ? named(TICKET_CHANNEL_LABELS[channel as TicketChannel]) : channel
}

/** The name of a ticket status in the active language; unknown ones pass through. */
export function ticketStatusLabel(status: string): string {
  return status in TICKET_STATUS_LABELS ? named(TICKET_STATUS_LABELS[status as TicketStatus]) : status
}

/** A status move an agent may make, and what it needs from them. */
export interface AgentMove {
  to: TicketStatus
  /** The button's name, looked up when shown (the language may change). */
  label: () => string
  /** message: text shown to the shopper (asking for more); summary: the resolution summary. */
  needs: 'none' | 'message' | 'summary'
}

const MOVES: Record<TicketStatus, AgentMove[]> = {
  submitted: [{ to: 'in_progress', label: () => t('agent.move.accept'), needs: 'none' }],
  in_progress: [
    { to: 'awaiting_customer', label: () => t('agent.move.askCustomer'), needs: 'message' },
    { to: 'resolved', label: () => t('agent.move.resolve'), needs: 'summary' },
  ],
  awaiting_customer: [{ to: 'in_progress', label: () => t('agent.move.resume'), needs: 'none' }],
  resolved: [],
  closed: [],
}

/** The moves of the status machine an agent may make from `status`. */
export function agentMoves(status: TicketStatus): AgentMove[] {
  return MOVES[status] ?? []
}

/** The name of a timeline entry in the active language. */
export function timelineLabel(type: TimelineEventType): string {
  const key = `agent.timeline.${type}`
  return hasMessage(key) ? t(key) : type
}

/** Time left until `dueIso` ("剩 5 小时"), or how late it is ("超时 2 小时"). */
export function dueLabel(dueIso: string, now: number = Date.now()): { text: string; late: boolean } {
  const diff = Date.parse(dueIso) - now
  const hours = Math.floor(Math.abs(diff) / 3_600_000)
  const span =
    hours >= 24
      ? t('agent.duration.daysHours', { d: Math.floor(hours / 24), h: hours % 24 })
      : hours >= 1
        ? t('agent.duration.hoursMinutes', { h: hours, m: 0 })
        : t('agent.duration.minutes', { m: Math.max(1, Math.floor(Math.abs(diff) / 60_000)) })
  return diff >= 0 ? { text: t('agent.due.left', { span }), late: false } : { text: t('agent.due.late', { span }), late: true }
}
