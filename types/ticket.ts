import { Type, type Static } from 'typebox'
import { OUTCOMES, SERVICE_TYPE_IDS, SUBTYPES, type OutcomeId, type SubtypeId } from './catalog-data'
import {
  ACTOR_ROLES,
  ATTACHMENT_KINDS,
  ESCALATION_BASES,
  RATING_TAG_IDS,
  TICKET_CHANNELS,
  TICKET_GROUPS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_STATUS_FILTERS,
  TIMELINE_EVENT_TYPES,
} from './ticket-data'

export * from './ticket-data'

// ---------------------------------------------------------------------------
// Enums
// ---------------------------------------------------------------------------

export const TicketStatusSchema = Type.Enum(TICKET_STATUSES, {
  description: 'submitted → in_progress ⇄ awaiting_customer → resolved → closed',
})
export const TicketGroupSchema = Type.Enum(TICKET_GROUPS, { description: 'App tab: active 处理中 · awaiting_me 待我确认 · done 已完成' })
export const TicketPrioritySchema = Type.Enum(TICKET_PRIORITIES)
export const TicketChannelSchema = Type.Enum(TICKET_CHANNELS, {
  description: 'Where the ticket came from: app (ticket form), email (help center email form), chat',
})
export const ServiceTypeIdSchema = Type.Enum(SERVICE_TYPE_IDS)
export const SubtypeIdSchema = Type.Enum(SUBTYPES.map((s) => s.id) as SubtypeId[])
export const OutcomeIdSchema = Type.Enum(OUTCOMES.map((o) => o.id) as OutcomeId[])
export const AttachmentKindSchema = Type.Enum(ATTACHMENT_KINDS, {
  description: 'The evidence this file is: photos, logistics_info, payment_screenshot (see the catalog), or other',
})
export const TimelineEventTypeSchema = Type.Enum(TIMELINE_EVENT_TYPES)
export const RatingTagSchema = Type.Enum(RATING_TAG_IDS)
export const EscalationBasisSchema = Type.Enum(ESCALATION_BASES)

// ---------------------------------------------------------------------------
// Pieces
// ---------------------------------------------------------------------------

const Uuid = Type.String({ format: 'uuid' })
const DateTime = Type.String({ format: 'date-time' })
const NullableDateTime = Type.Union([DateTime, Type.Null()])

/** A file attached to a ticket or reply: an upload of the sender, declared as one evidence kind. */
export const AttachmentInputSchema = Type.Object({
  uploadId: Type.String({ format: 'uuid', description: 'id returned by POST /api/uploads; must be your own upload' }),
  kind: AttachmentKindSchema,
})
export type AttachmentInput = Static<typeof AttachmentInputSchema>

export const AttachmentSchema = Type.Object({
  uploadId: Uuid,
  kind: AttachmentKindSchema,
  url: Type.String({ description: 'GET this path (with the bearer token) to fetch the file' }),
  blocked: Type.Optional(Type.Boolean({ description: 'True when WeChat found the image risky: agents cannot open it' })),
})
export type Attachment = Static<typeof AttachmentSchema>

const Attachments = (maxItems: number) => Type.Array(AttachmentInputSchema, { maxItems, default: [] })

export const ContactSchema = Type.Object({
  email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
  phone: Type.Optional(
    Type.String({ pattern: '^(\\+?86[- ]?)?1[3-9]\\d{9}$', description: 'Mainland mobile number, optionally with +86', maxLength: 20 }),
  ),
})
export type Contact = Static<typeof ContactSchema>

export const ActorSchema = Type.Object({
  role: Type.Enum(ACTOR_ROLES),
  name: Type.String({ description: 'Display name; agents are shown by their display name, the system as 系统' }),
})
export type Actor = Static<typeof ActorSchema>

export const RatingSchema = Type.Object({
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Union([Type.String(), Type.Null()]),
  tags: Type.Array(RatingTagSchema),
  ratedAt: DateTime,
  updatedAt: DateTime,
  editableUntil: Type.String({ format: 'date-time', description: 'The rating can be changed with PUT until then' }),
})
export type Rating = Static<typeof RatingSchema>

/** What the signed-in shopper may do now; the app shows buttons from this instead of re-deriving rules. */
export const TicketActionsSchema = Type.Object({
  reply: Type.Boolean(),
  confirm: Type.Boolean(),
  reopen: Type.Boolean(),
  rate: Type.Boolean(),
  editRating: Type.Boolean(),
  escalate: Type.Boolean(),
})
export type TicketActions = Static<typeof TicketActionsSchema>

// ---------------------------------------------------------------------------
// Ticket and timeline
// ---------------------------------------------------------------------------

export const TimelineEventSchema = Type.Object({
  id: Uuid,
  type: TimelineEventTypeSchema,
  actor: ActorSchema,
  text: Type.Union([Type.String(), Type.Null()]),
  attachments: Type.Array(AttachmentSchema),
  fromStatus: Type.Union([TicketStatusSchema, Type.Null()]),
  toStatus: Type.Union([TicketStatusSchema, Type.Null()]),
  internal: Type.Boolean({ description: 'Internal agent note; never sent to shoppers' }),
  createdAt: DateTime,
})
export type TimelineEvent = Static<typeof TimelineEventSchema>

const ticketProperties = {
  id: Uuid,
  ticketNo: Type.String({ description: 'Short number to quote on the hotline, e.g. T20261126483920' }),
  caseNo: Type.Union([Type.String(), Type.Null()], { description: 'Case number shared with the chat it came from, e.g. KF-7Q3M-2H' }),
  serviceType: ServiceTypeIdSchema,
  subtype: SubtypeIdSchema,
  orderNo: Type.Union([Type.String(), Type.Null()]),
  productName: Type.Union([Type.String(), Type.Null()]),
  purchasedAt: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  description: Type.String(),
  outcome: Type.Union([OutcomeIdSchema, Type.Null()]),
  contact: ContactSchema,
  channel: TicketChannelSchema,
  attachments: Type.Array(AttachmentSchema, { description: 'Files given when the ticket was submitted' }),
  status: TicketStatusSchema,
  group: TicketGroupSchema,
  priority: TicketPrioritySchema,
  escalated: Type.Boolean(),
  escalatedAt: NullableDateTime,
  reopenCount: Type.Integer({ minimum: 0 }),
  resolutionSummary: Type.Union([Type.String(), Type.Null()]),
  rating: Type.Union([RatingSchema, Type.Null()]),
  createdAt: DateTime,
  updatedAt: DateTime,
  firstResponseDueAt: DateTime,
  resolutionDueAt: Type.String({ format: 'date-time', description: 'Moves later while the ticket waits for the shopper' }),
  firstRespondedAt: NullableDateTime,
  resolvedAt: NullableDateTime,
  closedAt: NullableDateTime,
  autoCloseAt: Type.Union([DateTime, Type.Null()], { description: 'When a resolved ticket closes itself unless confirmed or reopened' }),
  slaPaused: Type.Boolean({ description: 'True while waiting for the shopper: the resolution clock is stopped' }),
  overdue: Type.Boolean({ description: 'A due time has passed without the response or resolution' }),
  actions: TicketActionsSchema,
}

/** A ticket as its shopper sees it (list items have this shape). */
export const TicketSchema = Type.Object(ticketProperties)
export type Ticket = Static<typeof TicketSchema>

export const TicketDetailSchema = Type.Object({ ...ticketProperties, timeline: Type.Array(TimelineEventSchema) })
export type TicketDetail = Static<typeof TicketDetailSchema>

export const PersonSchema = Type.Object({ id: Uuid, displayName: Type.String() })
export type Person = Static<typeof PersonSchema>

export const ComplaintSchema = Type.Object({
  reason: Type.String(),
  basis: EscalationBasisSchema,
  createdAt: DateTime,
})
export type Complaint = Static<typeof ComplaintSchema>

const agentProperties = {
  ...ticketProperties,
  shopper: PersonSchema,
  assignee: Type.Union([PersonSchema, Type.Null()]),
  complaint: Type.Union([ComplaintSchema, Type.Null()]),
}

/** A ticket as agents see it: the shopper, the assignee and any complaint. */
export const AgentTicketSchema = Type.Object(agentProperties)
export type AgentTicket = Static<typeof AgentTicketSchema>

/** Agent detail: the timeline includes internal notes. */
export const AgentTicketDetailSchema = Type.Object({ ...agentProperties, timeline: Type.Array(TimelineEventSchema) })
export type AgentTicketDetail = Static<typeof AgentTicketDetailSchema>

export const TicketPageSchema = Type.Object({
  items: Type.Array(TicketSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'Pass as ?cursor= for the next page; null on the last page' }),
})
export type TicketPage = Static<typeof TicketPageSchema>

export const AgentTicketPageSchema = Type.Object({
  items: Type.Array(AgentTicketSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
})
export type AgentTicketPage = Static<typeof AgentTicketPageSchema>

// ---------------------------------------------------------------------------
// Shopper requests
// ---------------------------------------------------------------------------

export const IdempotencyHeadersSchema = Type.Object({
  'idempotency-key': Type.String({
    minLength: 8,
    maxLength: 100,
    pattern: '^[A-Za-z0-9_.:-]+$',
    description: 'One per submission attempt (e.g. a UUID kept until success); retries with the same key return the same ticket',
  }),
})

/**
 * New ticket. Required fields and evidence depend on the subtype (see GET /api/catalog):
 * each attachment names the evidence kind it provides, so "two photos for damaged" can be checked.
 */
export const CreateTicketBodySchema = Type.Object(
  {
    serviceType: ServiceTypeIdSchema,
    subtype: SubtypeIdSchema,
    orderNo: Type.Optional(Type.String({ maxLength: 32, description: '16–20 digits; must be one of your orders when we know it' })),
    productName: Type.Optional(Type.String({ maxLength: 100 })),
    purchasedAt: Type.Optional(Type.String({ format: 'date', description: 'YYYY-MM-DD' })),
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    attachments: Attachments(30),
    outcome: Type.Optional(OutcomeIdSchema),
    contact: Type.Optional(ContactSchema),
    channel: Type.Optional(Type.Enum(TICKET_CHANNELS, { description: 'Where the shopper filed it; default app' })),
    caseNo: Type.Optional(
      Type.String({
        maxLength: 16,
        description: 'The case this ticket continues (from the chat); one of yours, else a new case is opened',
      }),
    ),
  },
  { additionalProperties: false },
)
export type CreateTicketBody = Static<typeof CreateTicketBodySchema>

export const TicketListQuerySchema = Type.Object({
  status: Type.Optional(Type.Enum(TICKET_STATUS_FILTERS, { description: 'open = not yet resolved, or one status' })),
  group: Type.Optional(TicketGroupSchema),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
})
export type TicketListQuery = Static<typeof TicketListQuerySchema>

export const TicketParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) })

/** Agents' ticket long-poll: `GET /api/agent/tickets/changes?token=T&wait=25` returns when any ticket changed. */
export const TicketChangesQuerySchema = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 64 })),
  wait: Type.Optional(Type.Integer({ minimum: 0, maximum: 30, default: 0 })),
})
export const TicketChangesSchema = Type.Object({ token: Type.String({ description: 'Pass back to wait for the next change' }) })
export type TicketChanges = Static<typeof TicketChangesSchema>

export const ReplyBodySchema = Type.Object(
  {
    text: Type.String({ maxLength: 2000, default: '' }),
    attachments: Attachments(9),
  },
  { additionalProperties: false, description: 'Text, attachments or both' },
)
export type ReplyBody = Static<typeof ReplyBodySchema>

export const ReasonBodySchema = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false })
export type ReasonBody = Static<typeof ReasonBodySchema>

export const RatingBodySchema = Type.Object(
  {
    score: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Type.String({ maxLength: 500 })),
    tags: Type.Array(RatingTagSchema, { maxItems: 8, uniqueItems: true, default: [] }),
  },
  { additionalProperties: false },
)
export type RatingBody = Static<typeof RatingBodySchema>

export const ContactBodySchema = Type.Object(
  { email: ContactSchema.properties.email, phone: ContactSchema.properties.phone },
  { additionalProperties: false, minProperties: 1, description: 'At least one of email, phone' },
)
export type ContactBody = Static<typeof ContactBodySchema>

// ---------------------------------------------------------------------------
// Agent requests
// ---------------------------------------------------------------------------

export const AgentTicketListQuerySchema = Type.Object({
  status: Type.Optional(Type.Enum(TICKET_STATUS_FILTERS)),
  serviceType: Type.Optional(ServiceTypeIdSchema),
  overdue: Type.Optional(Type.Boolean()),
  escalated: Type.Optional(Type.Boolean()),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
})
export type AgentTicketListQuery = Static<typeof AgentTicketListQuerySchema>

export const TransitionBodySchema = Type.Object(
  {
    to: TicketStatusSchema,
    message: Type.Optional(Type.String({ maxLength: 2000, description: 'Shown to the shopper; required when asking (awaiting_customer)' })),
    resolutionSummary: Type.Optional(Type.String({ maxLength: 2000, description: 'Required when resolving' })),
  },
  { additionalProperties: false },
)
export type TransitionBody = Static<typeof TransitionBodySchema>

export const AgentReplyBodySchema = Type.Object(
  {
    text: Type.String({ maxLength: 4000, default: '' }),
    attachments: Attachments(9),
    internal: Type.Boolean({ default: false, description: 'Internal note: visible to agents only' }),
  },
  { additionalProperties: false },
)
export type AgentReplyBody = Static<typeof AgentReplyBodySchema>

export const TicketStatsQuerySchema = Type.Object({
  since: Type.Optional(Type.String({ format: 'date-time', description: 'Count tickets created since then; default 30 days ago' })),
})

export const TicketStatsSchema = Type.Object({
  since: DateTime,
  total: Type.Integer(),
  byStatus: Type.Object(
    Object.fromEntries(TICKET_STATUSES.map((s) => [s, Type.Integer()])) as Record<
      (typeof TICKET_STATUSES)[number],
      ReturnType<typeof Type.Integer>
    >,
  ),
  overdue: Type.Integer({ description: 'Open tickets past a due time (now)' }),
  escalated: Type.Integer(),
  averageRating: Type.Union([Type.Number(), Type.Null()]),
  ratedCount: Type.Integer(),
  averageFirstResponseMinutes: Type.Union([Type.Number(), Type.Null()]),
  averageResolutionMinutes: Type.Union([Type.Number(), Type.Null()]),
})
export type TicketStats = Static<typeof TicketStatsSchema>

export const RevealBodySchema = Type.Object({
  field: Type.Union([Type.Literal('phone'), Type.Literal('email')], { description: 'Which contact detail to show in full' }),
})
export type RevealBody = Static<typeof RevealBodySchema>

export const RevealedSchema = Type.Object({
  field: Type.Union([Type.Literal('phone'), Type.Literal('email')]),
  value: Type.Union([Type.String(), Type.Null()], { description: 'Null when the shopper left none' }),
})
export type Revealed = Static<typeof RevealedSchema>
