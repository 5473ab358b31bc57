import type { Attachment, AttachmentInput, AgentTicket, Rating, Ticket, TimelineEvent } from '../../../types/ticket'
import { groupOf, type EscalationBasis, type RatingTag } from '../../../types/ticket-data'
import type { OutcomeId, ServiceTypeId, SubtypeId } from '../../../types/catalog-data'
import { maskEmail, maskMobile } from '../../lib/masking'
import { ratingEditableUntil, shopperActions, type PolicyState } from './ticket-policy'
import { autoCloseAt, isOverdue, type SlaPolicy } from './ticket-sla'
import type { EventRecord, TicketRecord, TicketRow } from './tickets.repository'
import { readableShopperName } from '../auth/display-name'

/** Where a client fetches an attached file. */
export function uploadUrl(uploadId: string): string {
  return `/api/uploads/${uploadId}`
}

/** Attachments as stored (JSON text) → DTOs with their URL. */
export function attachmentsOf(json: string): Attachment[] {
  const list = JSON.parse(json) as AttachmentInput[]
  return list.map((a) => ({ uploadId: a.uploadId, kind: a.kind, url: uploadUrl(a.uploadId) }))
}

/** The fields the pure SLA and policy rules read, from a stored ticket. */
export function policyState(row: TicketRecord): PolicyState {
  return {
    status: row.status,
    firstResponseDueAt: row.first_response_due_at,
    resolutionDueAt: row.resolution_due_at,
    firstRespondedAt: row.first_responded_at,
    awaitingSince: row.awaiting_since,
    resolvedAt: row.resolved_at,
    reopenCount: row.reopen_count,
    escalatedAt: row.escalated_at,
    ratingScore: row.rating_score,
    ratedAt: row.rated_at,
  }
}

function ratingOf(row: TicketRecord): Rating | null {
  if (row.rating_score === null || !row.rated_at) return null
  return {
    score: row.rating_score,
    comment: row.rating_comment,
    tags: JSON.parse(row.rating_tags ?? '[]') as RatingTag[],
    ratedAt: row.rated_at,
    updatedAt: row.rating_updated_at ?? row.rated_at,
    editableUntil: ratingEditableUntil(row.rated_at),
  }
}

/** A stored ticket as its shopper sees it at `now`. */
export function toTicket(row: TicketRecord, now: string, sla: SlaPolicy): Ticket {
  const state = policyState(row)
  return {
    id: row.id,
    ticketNo: row.ticket_no,
    caseNo: row.case_no ?? null,
    serviceType: row.service_type as ServiceTypeId,
    subtype: row.subtype as SubtypeId,
    orderNo: row.order_no,
    productName: row.product_name,
    purchasedAt: row.purchased_at,
    description: row.description,
    outcome: row.outcome as OutcomeId | null,
    contact: { ...(row.contact_email ? { email: row.contact_email } : {}), ...(row.contact_phone ? { phone: row.contact_phone } : {}) },
    channel: row.channel,
    attachments: attachmentsOf(row.attachments),
    status: row.status,
    group: groupOf(row.status),
    priority: row.priority,
    escalated: row.escalated_at !== null,
    escalatedAt: row.escalated_at,
    reopenCount: row.reopen_count,
    resolutionSummary: row.resolution_summary,
    rating: ratingOf(row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    firstResponseDueAt: row.first_response_due_at,
    resolutionDueAt: row.resolution_due_at,
    firstRespondedAt: row.first_responded_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    autoCloseAt: autoCloseAt(state, sla),
    slaPaused: row.status === 'awaiting_customer',
    overdue: isOverdue(state, now),
    actions: shopperActions(state, now),
  }
}

/** Contact details as agents see them until they reveal one on purpose. */
function maskedContact(row: TicketRow): AgentTicket['contact'] {
  return {
    ...(row.contact_email ? { email: maskEmail(row.contact_email) } : {}),
    ...(row.contact_phone ? { phone: maskMobile(row.contact_phone) } : {}),
  }
}

/** A ticket as agents see it: with the shopper, the assignee and the complaint; contact details masked. */
export function toAgentTicket(row: TicketRow, now: string, sla: SlaPolicy): AgentTicket {
  return {
    ...toTicket(row, now, sla),
    contact: maskedContact(row),
    shopper: { id: row.user_id, displayName: readableShopperName(row.shopper_name, row.user_id) },
    assignee: row.assignee_id ? { id: row.assignee_id, displayName: row.assignee_name ?? '' } : null,
    complaint:
      row.complaint_reason !== null && row.complaint_created_at
        ? { reason: row.complaint_reason, basis: row.complaint_basis as EscalationBasis, createdAt: row.complaint_created_at }
        : null,
  }
}

/** A stored timeline event as a DTO. */
export function toEvent(e: EventRecord): TimelineEvent {
  return {
    id: e.id,
    type: e.type,
    actor: { role: e.actor_role, name: e.actor_name },
    text: e.text,
    attachments: attachmentsOf(e.attachments),
    fromStatus: e.from_status,
    toStatus: e.to_status,
    internal: e.internal === 1,
    createdAt: e.created_at,
  }
}
