import type { ActorRole, TicketChannel, TicketPriority, TicketStatus, TimelineEventType } from '../../../types/ticket-data'

/** The tickets table as stored (snake_case; timestamps ISO-8601 strings; JSON as text). */
export interface TicketsTable {
  id: string
  ticket_no: string
  user_id: string
  service_type: string
  subtype: string
  order_no: string | null
  product_name: string | null
  purchased_at: string | null
  description: string
  /** JSON array of {uploadId, kind} given with the submission. */
  attachments: string
  outcome: string | null
  contact_email: string | null
  contact_phone: string | null
  /** Added by migration 2026-11-26-040-ticket-channel (default 'app'). */
  channel: TicketChannel
  /** Added by migration 2026-12-01-054-case-numbers; shared with the conversation it came from. */
  case_no: string | null
  status: TicketStatus
  priority: TicketPriority
  assignee_id: string | null
  /** Bumped by every change; the bump also locks the row for the rest of the transaction. */
  version: number
  reopen_count: number
  resolution_summary: string | null
  first_response_due_at: string
  resolution_due_at: string
  first_responded_at: string | null
  awaiting_since: string | null
  resolved_at: string | null
  closed_at: string | null
  escalated_at: string | null
  rating_score: number | null
  rating_comment: string | null
  /** JSON array of rating tag ids. */
  rating_tags: string | null
  rated_at: string | null
  rating_updated_at: string | null
  created_at: string
  updated_at: string
}

export interface TicketEventsTable {
  id: string
  ticket_id: string
  /** Order within the ticket, assigned under the ticket's row lock. */
  seq: number
  type: TimelineEventType
  actor_role: ActorRole
  actor_id: string | null
  actor_name: string
  text: string | null
  /** JSON array of {uploadId, kind}. */
  attachments: string
  from_status: TicketStatus | null
  to_status: TicketStatus | null
  /** 1 for agent-only notes. */
  internal: number
  created_at: string
}

export interface TicketIdempotencyTable {
  user_id: string
  key: string
  request_hash: string
  ticket_id: string
  created_at: string
}

export interface TicketComplaintsTable {
  id: string
  ticket_id: string
  user_id: string
  reason: string
  basis: string
  created_at: string
}
