/**
 * Ticket constants shared by the mini-program and the server: statuses, list groups,
 * timeline event types, rating tags and error codes. Plain data with no imports, so the
 * app may import it as a value (types/ticket.ts holds the TypeBox schemas).
 */

export const TICKET_STATUS = {
  submitted: 'submitted',
  in_progress: 'in_progress',
  awaiting_customer: 'awaiting_customer',
  resolved: 'resolved',
  closed: 'closed',
} as const

export type TicketStatus = (typeof TICKET_STATUS)[keyof typeof TICKET_STATUS]

export const TICKET_STATUSES = ['submitted', 'in_progress', 'awaiting_customer', 'resolved', 'closed'] as const

/** Statuses in which the problem is still being worked on (the `open` list filter). */
export const OPEN_STATUSES = ['submitted', 'in_progress', 'awaiting_customer'] as const

export const TICKET_STATUS_LABELS: Record<TicketStatus, { zh: string; en: string }> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  in_progress: { zh: '处理中', en: 'In progress' },
  awaiting_customer: { zh: '待补充', en: 'Waiting for you' },
  resolved: { zh: '已解决', en: 'Resolved' },
  closed: { zh: '已关闭', en: 'Closed' },
}

/** Where a ticket came from: the app's ticket form, the help center's email form, or a chat. */
export const TICKET_CHANNELS = ['app', 'email', 'chat'] as const

export type TicketChannel = (typeof TICKET_CHANNELS)[number]

export const TICKET_CHANNEL_LABELS: Record<TicketChannel, { zh: string; en: string }> = {
  app: { zh: '工单表单', en: 'Ticket form' },
  email: { zh: '邮件咨询', en: 'Email' },
  chat: { zh: '在线客服', en: 'Chat' },
}

/** The shopper's ticket tabs: 处理中 · 待我确认 · 已完成. */
export const TICKET_GROUP = {
  active: 'active',
  awaiting_me: 'awaiting_me',
  done: 'done',
} as const

export type TicketGroup = (typeof TICKET_GROUP)[keyof typeof TICKET_GROUP]

export const TICKET_GROUPS = ['active', 'awaiting_me', 'done'] as const

/** Which statuses each tab shows; every status belongs to exactly one group. */
export const GROUP_STATUSES: Record<TicketGroup, readonly TicketStatus[]> = {
  active: ['submitted', 'in_progress'],
  awaiting_me: ['awaiting_customer', 'resolved'],
  done: ['closed'],
}

export const TICKET_GROUP_LABELS: Record<TicketGroup, { zh: string; en: string }> = {
  active: { zh: '处理中', en: 'In progress' },
  awaiting_me: { zh: '待我确认', en: 'Needs me' },
  done: { zh: '已完成', en: 'Done' },
}

/** The tab a status is listed under. */
export function groupOf(status: TicketStatus): TicketGroup {
  if (status === 'closed') return 'done'
  return status === 'awaiting_customer' || status === 'resolved' ? 'awaiting_me' : 'active'
}

/** List filter values of `GET /api/tickets?status=`: a concrete status or `open` (not yet resolved). */
export const TICKET_STATUS_FILTERS = ['open', ...TICKET_STATUSES] as const
export type TicketStatusFilter = (typeof TICKET_STATUS_FILTERS)[number]

export const TICKET_PRIORITIES = ['normal', 'high', 'urgent'] as const
export type TicketPriority = (typeof TICKET_PRIORITIES)[number]

/**
 * Kinds of timeline entries; `internal_note` is only ever shown to agents. `notified` entries are
 * not stored as events: they are the ticket's delivered notifications, merged in when read.
 */
export const TIMELINE_EVENT_TYPES = [
  'created',
  'accepted',
  'status_changed',
  'reply',
  'internal_note',
  'resolved',
  'confirmed',
  'auto_closed',
  'reopened',
  'rated',
  'rating_updated',
  'escalated',
  'contact_updated',
  'notified',
  'self_service',
  'image_blocked',
] as const
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number]

export const ACTOR_ROLES = ['shopper', 'agent', 'system'] as const
export type ActorRole = (typeof ACTOR_ROLES)[number]

/** Attachment kinds: the catalog's evidence kinds plus `other` for anything else. */
export const ATTACHMENT_KINDS = ['photos', 'logistics_info', 'payment_screenshot', 'other'] as const
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number]

export const RATING_TAGS = [
  { id: 'fast', zh: '响应快', en: 'Fast', positive: true },
  { id: 'professional', zh: '专业', en: 'Professional', positive: true },
  { id: 'friendly', zh: '态度好', en: 'Friendly', positive: true },
  { id: 'solved', zh: '问题已解决', en: 'Problem solved', positive: true },
  { id: 'slow', zh: '响应慢', en: 'Slow', positive: false },
  { id: 'unsolved', zh: '问题未解决', en: 'Not solved', positive: false },
  { id: 'unfriendly', zh: '态度差', en: 'Unfriendly', positive: false },
  { id: 'unclear', zh: '解释不清楚', en: 'Unclear', positive: false },
] as const
export const RATING_TAG_IDS = ['fast', 'professional', 'friendly', 'solved', 'slow', 'unsolved', 'unfriendly', 'unclear'] as const
export type RatingTag = (typeof RATING_TAG_IDS)[number]

/** A rating may be changed for this long after it was first given. */
export const RATING_EDIT_WINDOW_HOURS = 24

/** A resolved ticket the shopper neither confirms nor reopens closes itself after this long. */
export const AUTO_CLOSE_DAYS = 7

/** Why a shopper may escalate (投诉直通车): a missed due time, a reopened ticket or a rating of 2 or less. */
export const ESCALATION_BASES = ['overdue', 'reopened', 'low_rating'] as const
export type EscalationBasis = (typeof ESCALATION_BASES)[number]

/** Error codes the ticket and order endpoints answer with, beyond the generic ones. */
export const TICKET_ERROR_CODES = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  FIELD_REQUIRED: 'FIELD_REQUIRED',
  EVIDENCE_REQUIRED: 'EVIDENCE_REQUIRED',
  TOO_MANY_FILES: 'TOO_MANY_FILES',
  SUBTYPE_MISMATCH: 'SUBTYPE_MISMATCH',
  OUTCOME_NOT_ALLOWED: 'OUTCOME_NOT_ALLOWED',
  INVALID_ORDER_NO: 'INVALID_ORDER_NO',
  ORDER_NOT_FOUND: 'ORDER_NOT_FOUND',
  ATTACHMENT_NOT_FOUND: 'ATTACHMENT_NOT_FOUND',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  ILLEGAL_TRANSITION: 'ILLEGAL_TRANSITION',
  REPLY_NOT_ALLOWED: 'REPLY_NOT_ALLOWED',
  RATING_NOT_ALLOWED: 'RATING_NOT_ALLOWED',
  ALREADY_RATED: 'ALREADY_RATED',
  NOT_RATED: 'NOT_RATED',
  RATING_LOCKED: 'RATING_LOCKED',
  ESCALATION_NOT_ALLOWED: 'ESCALATION_NOT_ALLOWED',
  ALREADY_ESCALATED: 'ALREADY_ESCALATED',
  INVALID_CURSOR: 'INVALID_CURSOR',
  NOT_FOUND: 'NOT_FOUND',
} as const
export type TicketErrorCode = keyof typeof TICKET_ERROR_CODES
