/**
 * Chat contract: shopper chat (/api/chat/*) and agent workspace (/api/agent/*).
 *
 * Realtime is a long-poll: `GET …/messages?after=SEQ&version=V&wait=25` returns at once when a
 * message newer than SEQ exists or the conversation's `version` moved past V (read marks, status,
 * assignment, queue position, typing started), else it holds until one of those happens, the
 * peer's typing indicator expires, or `wait` seconds pass. Every response carries the full
 * conversation state, so a client that was offline reconciles by polling with its last seq:
 * `messages` fills the gap in order (`hasMore` → poll again at once) and `conversation` replaces
 * whatever state it held.
 */
import { Type, type Static } from 'typebox'
import { ORDER_ACTION_KINDS, OrderActionResultSchema } from './order-action'

/** Sequence numbers and versions are 32-bit integers in the database; larger ones are refused up front. */
const MAX_SEQ = 2_147_483_647
import { MAX_MESSAGE_TEXT, MAX_POLL_LIMIT, MAX_POLL_WAIT_SECONDS } from './chat-data'

export const ServiceTypeIdSchema = Type.Union(
  [Type.Literal('order'), Type.Literal('product'), Type.Literal('logistics'), Type.Literal('payment'), Type.Literal('member')],
  { description: 'Service type id from the catalog' },
)

export const ConversationStatusSchema = Type.Union(
  [Type.Literal('bot'), Type.Literal('queued'), Type.Literal('assigned'), Type.Literal('ended')],
  {
    description: 'bot: the service bot answers · queued: waiting for an agent · assigned: an agent answers · ended',
  },
)
export type ConversationStatus = Static<typeof ConversationStatusSchema>

export const SenderSchema = Type.Union([Type.Literal('shopper'), Type.Literal('bot'), Type.Literal('agent'), Type.Literal('system')])
export type Sender = Static<typeof SenderSchema>

export const MessageKindSchema = Type.Union([Type.Literal('text'), Type.Literal('image'), Type.Literal('order'), Type.Literal('event')])
export type MessageKind = Static<typeof MessageKindSchema>

export const RatingTargetSchema = Type.Union([Type.Literal('bot'), Type.Literal('agent')])
export type RatingTarget = Static<typeof RatingTargetSchema>

export const EndedBySchema = Type.Union([Type.Literal('shopper'), Type.Literal('agent'), Type.Literal('idle')])
export type EndedBy = Static<typeof EndedBySchema>

export { MAX_MESSAGE_TEXT } from './chat-data'

// ---------------------------------------------------------------------------
// Message parts
// ---------------------------------------------------------------------------

export const QuickReplySchema = Type.Object({
  label: Type.String(),
  action: Type.Union([Type.Literal('faq'), Type.Literal('handoff'), Type.Literal('ticket'), Type.Literal('text')], {
    description:
      'faq: send { kind: text, text: label, faqId: payload } · handoff: POST /api/chat/handoff · ticket: open the ticket form with meta.ticketPrefill · text: send payload as text',
  }),
  payload: Type.Optional(Type.String()),
})
export type QuickReply = Static<typeof QuickReplySchema>

export const TicketPrefillSchema = Type.Object({
  serviceType: ServiceTypeIdSchema,
  subtype: Type.Optional(Type.String()),
  orderNo: Type.Optional(Type.String()),
  description: Type.String(),
})
export type TicketPrefill = Static<typeof TicketPrefillSchema>

/** Facts the bot found in the shopper's message. Phone numbers are masked in the middle. */
export const BotEntitiesSchema = Type.Object({
  orderNo: Type.Optional(Type.String()),
  trackingNo: Type.Optional(Type.String()),
  amountsCents: Type.Optional(Type.Array(Type.Integer())),
  dates: Type.Optional(Type.Array(Type.String(), { description: 'MM-DD, YYYY-MM-DD or a relative day such as yesterday' })),
  phones: Type.Optional(Type.Array(Type.String())),
})
export type BotEntities = Static<typeof BotEntitiesSchema>

/** What the bot understood; present on `sender: bot` messages only. */
export const BotMetaSchema = Type.Object({
  serviceType: Type.Union([ServiceTypeIdSchema, Type.Null()]),
  intent: Type.String(),
  confidence: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Calibrated probability of the service type' })),
  entities: Type.Optional(BotEntitiesSchema),
  clarify: Type.Optional(Type.Boolean({ description: 'The reply asks which of the quick replies the shopper means' })),
  handoffReason: Type.Optional(Type.String()),
  summary: Type.Optional(Type.String({ description: 'For agents: what the bot understood and what evidence is still missing' })),
  action: Type.Optional(Type.Enum(ORDER_ACTION_KINDS, { description: 'A self-service action the shopper can confirm on a card' })),
  actionResult: Type.Optional(OrderActionResultSchema),
  needsEvidence: Type.Array(Type.String(), { description: 'Evidence kinds from the catalog (photos, logistics_info, …)' }),
  handoff: Type.Boolean(),
  faqIds: Type.Array(Type.String()),
  quickReplies: Type.Array(QuickReplySchema),
  ticketPrefill: Type.Optional(TicketPrefillSchema),
})
export type BotMeta = Static<typeof BotMetaSchema>

/** Snapshot of an order taken when it was sent, so the card never changes afterwards. */
export const OrderCardSchema = Type.Object({
  orderNo: Type.String(),
  title: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  amountCents: Type.Optional(Type.Integer()),
  imageUrl: Type.Optional(Type.String()),
  placedAt: Type.Optional(Type.String()),
})
export type OrderCard = Static<typeof OrderCardSchema>

export const ChatEventTypeSchema = Type.Union([
  Type.Literal('queued'),
  Type.Literal('assigned'),
  Type.Literal('transferred'),
  Type.Literal('requeued'),
  Type.Literal('ended'),
  Type.Literal('rating_requested'),
  Type.Literal('linked'),
  Type.Literal('image_blocked'),
])
export type ChatEventType = Static<typeof ChatEventTypeSchema>

/** A status change shown in the timeline (`kind: event`, `sender: system`); `text` carries a ready-made sentence. */
export const ChatEventSchema = Type.Object({
  type: ChatEventTypeSchema,
  serviceType: Type.Optional(Type.Union([ServiceTypeIdSchema, Type.Null()])),
  agentName: Type.Optional(Type.String()),
  endedBy: Type.Optional(EndedBySchema),
  ratingTargets: Type.Optional(Type.Array(RatingTargetSchema)),
  orderNo: Type.Optional(Type.String()),
  ticketId: Type.Optional(Type.String()),
  uploadId: Type.Optional(Type.String({ description: 'image_blocked: the image WeChat found risky' })),
})
export type ChatEvent = Static<typeof ChatEventSchema>

/** A system message as a code + params (types/system-messages.json lists them); `text` holds it rendered. */
export const SystemMessageSchema = Type.Object({
  code: Type.String({ description: 'Key of types/system-messages.json; legacy: only `text` is known' }),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
})
/** The card a shopper sends from a mini-program page through WeChat's service chat. */
export const PageCardSchema = Type.Object({
  title: Type.String(),
  pagePath: Type.String(),
  ticketId: Type.Optional(Type.String()),
  orderNo: Type.Optional(Type.String()),
})
export type PageCard = Static<typeof PageCardSchema>

/** How a reply to a WeChat-native conversation fared on its way through WeChat. */
export const DeliveryStateSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('sending'),
  Type.Literal('sent'),
  Type.Literal('failed'),
  Type.Literal('expired'),
  Type.Literal('limited'),
])
export type DeliveryState = Static<typeof DeliveryStateSchema>

export const ChatMessageSchema = Type.Object({
  id: Type.String(),
  conversationId: Type.String(),
  seq: Type.Integer({ minimum: 1, description: 'Strictly increasing per conversation, no gaps' }),
  clientMsgId: Type.Union([Type.String(), Type.Null()]),
  sender: SenderSchema,
  senderName: Type.Union([Type.String(), Type.Null()], { description: 'Agent display name on agent messages' }),
  kind: MessageKindSchema,
  text: Type.Union([Type.String(), Type.Null()], { description: 'Plain text exactly as typed; render as text, never as HTML' }),
  uploadId: Type.Union([Type.String(), Type.Null()]),
  imageUrl: Type.Union([Type.String(), Type.Null()]),
  imageBlocked: Type.Optional(
    Type.Boolean({ description: 'True when WeChat found the image risky: agents cannot open it, the shopper is told' }),
  ),
  orderNo: Type.Union([Type.String(), Type.Null()]),
  order: Type.Union([OrderCardSchema, Type.Null()]),
  meta: Type.Union([BotMetaSchema, Type.Null()]),
  event: Type.Union([ChatEventSchema, Type.Null()]),
  system: Type.Union([SystemMessageSchema, Type.Null()], {
    description: 'Set on sender: system messages; render t(`system.${code}`, params), `text` is the same in the viewer’s language',
  }),
  createdAt: Type.String({ format: 'date-time' }),
  origin: Type.Optional(Type.Literal('wechat', { description: 'Sent by the shopper through WeChat’s own service chat' })),
  card: Type.Optional(PageCardSchema),
  delivery: Type.Optional(DeliveryStateSchema),
})
export type ChatMessage = Static<typeof ChatMessageSchema>

// ---------------------------------------------------------------------------
// Conversation
// ---------------------------------------------------------------------------

export const RatingSchema = Type.Object({
  target: RatingTargetSchema,
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.String(),
  tags: Type.Array(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
})
export type Rating = Static<typeof RatingSchema>

export const RatingStateSchema = Type.Object({
  /** Targets the shopper may still rate (empty once all are rated). */
  pending: Type.Array(RatingTargetSchema),
  /** True once the conversation ended and the shopper was asked to rate. */
  requested: Type.Boolean(),
  given: Type.Array(RatingSchema),
})
export type RatingState = Static<typeof RatingStateSchema>

const conversationProps = {
  id: Type.String(),
  status: ConversationStatusSchema,
  serviceType: Type.Union([ServiceTypeIdSchema, Type.Null()], { description: 'Last service type the bot or an agent settled on' }),
  agentName: Type.Union([Type.String(), Type.Null()], { description: 'Display name of the assigned agent' }),
  queuePosition: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: '1 = next; null unless queued' }),
  unreadCount: Type.Integer({ minimum: 0, description: "Messages the viewer has not marked read (the other side's)" }),
  lastSeq: Type.Integer({ minimum: 0 }),
  version: Type.Integer({ minimum: 0, description: 'Bumped on every change; pass back as ?version= to long-poll' }),
  shopperReadSeq: Type.Integer({ minimum: 0 }),
  agentReadSeq: Type.Integer({ minimum: 0 }),
  orderNo: Type.Union([Type.String(), Type.Null()]),
  ticketId: Type.Union([Type.String(), Type.Null()]),
  endedBy: Type.Union([EndedBySchema, Type.Null()]),
  rating: RatingStateSchema,
  createdAt: Type.String({ format: 'date-time' }),
  queuedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  endedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  caseNo: Type.Union([Type.String(), Type.Null()], { description: 'Case number shared with the tickets it leads to, e.g. KF-7Q3M-2H' }),
  channel: Type.Optional(Type.Union([Type.Literal('app'), Type.Literal('wechat')], { description: 'Where the shopper last wrote from' })),
}

/** The shopper's view of a conversation. */
export const ConversationSchema = Type.Object(conversationProps)
export type Conversation = Static<typeof ConversationSchema>

export const ChatCustomerSchema = Type.Object({ id: Type.String(), displayName: Type.String() })

/** The shopper's past and current conversations, newest first. */
export const ConversationListSchema = Type.Object({ items: Type.Array(ConversationSchema) })
export type ConversationList = Static<typeof ConversationListSchema>

/** The agent's view: the shopper, the assignee and why the bot handed over. */
export const AgentConversationSchema = Type.Object({
  ...conversationProps,
  shopper: ChatCustomerSchema,
  agentId: Type.Union([Type.String(), Type.Null()]),
  handoffReason: Type.Union([Type.String(), Type.Null()], { description: 'Bot intent that caused the handoff, e.g. handoff.complaint' }),
  lastMessage: Type.Union([ChatMessageSchema, Type.Null()]),
  assignedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  wechatWindow: Type.Optional(
    Type.Object(
      {
        endsAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
        repliesLeft: Type.Integer({ minimum: 0 }),
        open: Type.Boolean(),
        fallback: Type.Union([Type.Literal('subscribe'), Type.Literal('contact'), Type.Literal('ask')]),
      },
      { description: 'WeChat’s reply window on a wechat conversation and the fallback when it is closed' },
    ),
  ),
  wechatEntryPage: Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'Mini-program page the shopper opened WeChat’s service chat from, e.g. pages/ticket/detail/index?id=…',
    }),
  ),
})
export type AgentConversation = Static<typeof AgentConversationSchema>

// ---------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------

export const LangQuerySchema = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')], { description: 'Language of bot greetings and system lines' })),
})

export const SendMessageBodySchema = Type.Object({
  clientMsgId: Type.String({
    minLength: 1,
    maxLength: 64,
    pattern: '^[A-Za-z0-9_.:-]+$',
    description: 'Client-made id; resending it returns the stored message',
  }),
  kind: Type.Union([Type.Literal('text'), Type.Literal('image'), Type.Literal('order')]),
  text: Type.Optional(Type.String({ maxLength: MAX_MESSAGE_TEXT })),
  uploadId: Type.Optional(Type.String({ maxLength: 36 })),
  orderNo: Type.Optional(Type.String({ maxLength: 32 })),
  faqId: Type.Optional(Type.String({ maxLength: 64, description: 'A tapped faq quick reply: the bot answers that entry' })),
})
export type SendMessageBody = Static<typeof SendMessageBodySchema>

export const MessagesQuerySchema = Type.Object({
  conversationId: Type.Optional(
    Type.String({ maxLength: 36, description: 'Shopper only; default: the open conversation, else the latest' }),
  ),
  after: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_SEQ, description: 'Messages with seq > after, oldest first (default 0)' })),
  before: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_SEQ, description: 'History page: messages with seq < before, returned oldest first' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_POLL_LIMIT, default: 50 })),
  version: Type.Optional(
    Type.Integer({ minimum: 0, maximum: MAX_SEQ, description: 'Conversation version the client holds; a newer one returns at once' }),
  ),
  wait: Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: MAX_POLL_WAIT_SECONDS,
      default: 0,
      description: 'Seconds to hold the request when nothing is new',
    }),
  ),
})
export type MessagesQuery = Static<typeof MessagesQuerySchema>

const pollProps = {
  messages: Type.Array(ChatMessageSchema),
  readSeq: Type.Integer({ minimum: 0, description: 'How far the other side has read' }),
  typing: Type.Boolean({ description: 'The other side is typing' }),
  hasMore: Type.Boolean({ description: 'after: more newer messages exist, poll again at once · before: older pages exist' }),
}

/** Long-poll / history response for the shopper. */
export const ChatPollSchema = Type.Object({ ...pollProps, conversation: ConversationSchema })
export type ChatPoll = Static<typeof ChatPollSchema>

/** Long-poll / history response for an agent. */
export const AgentPollSchema = Type.Object({ ...pollProps, conversation: AgentConversationSchema })
export type AgentPoll = Static<typeof AgentPollSchema>

export const ReadBodySchema = Type.Object({
  seq: Type.Integer({ minimum: 0, maximum: MAX_SEQ }),
  conversationId: Type.Optional(
    Type.String({ maxLength: 36, description: 'Shopper only; default: the open conversation, else the latest' }),
  ),
})
export type ReadBody = Static<typeof ReadBodySchema>

export const HandoffBodySchema = Type.Object({
  serviceType: Type.Optional(ServiceTypeIdSchema),
})
export type HandoffBody = Static<typeof HandoffBodySchema>

export const LinkBodySchema = Type.Object({
  orderNo: Type.Optional(Type.String({ maxLength: 32 })),
  ticketId: Type.Optional(Type.String({ maxLength: 36 })),
})
export type LinkBody = Static<typeof LinkBodySchema>

export const RatingBodySchema = Type.Object({
  conversationId: Type.Optional(Type.String({ maxLength: 36, description: 'Default: the latest conversation' })),
  target: RatingTargetSchema,
  score: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.Optional(Type.String({ maxLength: 500 })),
  tags: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
      maxItems: 10,
      description: 'Tag ids from types/chat-data.ts (fast, solved, friendly, professional, off_topic, slow, unsolved, unfriendly)',
    }),
  ),
})
export type RatingBody = Static<typeof RatingBodySchema>

// ---------------------------------------------------------------------------
// Agent workspace
// ---------------------------------------------------------------------------

export const QueueItemSchema = Type.Object({
  conversationId: Type.String(),
  serviceType: Type.Union([ServiceTypeIdSchema, Type.Null()]),
  position: Type.Integer({ minimum: 1, description: 'Place in the queue of its service type' }),
  queuedAt: Type.String({ format: 'date-time' }),
  waitSeconds: Type.Integer({ minimum: 0 }),
  shopper: ChatCustomerSchema,
  handoffReason: Type.Union([Type.String(), Type.Null()]),
  orderNo: Type.Union([Type.String(), Type.Null()]),
  preview: Type.Union([Type.String(), Type.Null()], { description: "The shopper's latest text" }),
  channel: Type.Optional(Type.Union([Type.Literal('app'), Type.Literal('wechat')], { description: 'Where the shopper last wrote from' })),
})
export type QueueItem = Static<typeof QueueItemSchema>

export const QueueSchema = Type.Object({
  items: Type.Array(QueueItemSchema, { description: 'Longest wait first, one page' }),
  nextCursor: Type.Optional(
    Type.Union([Type.String(), Type.Null()], { description: 'Pass as cursor for the next page; null on the last' }),
  ),
  byServiceType: Type.Array(
    Type.Object({
      serviceType: Type.Union([ServiceTypeIdSchema, Type.Null()]),
      count: Type.Integer({ minimum: 0 }),
      longestWaitSeconds: Type.Integer({ minimum: 0 }),
    }),
  ),
})
export type Queue = Static<typeof QueueSchema>

export const AgentConversationsQuerySchema = Type.Object({
  mine: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0')], { description: '1 (default): assigned to me' })),
  status: Type.Optional(Type.Union([Type.Literal('assigned'), Type.Literal('ended')], { default: 'assigned' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_POLL_LIMIT, default: 50 })),
})

export const AgentConversationListSchema = Type.Object({ items: Type.Array(AgentConversationSchema) })
export type AgentConversationList = Static<typeof AgentConversationListSchema>

export const TransferBodySchema = Type.Object({
  agentId: Type.Optional(
    Type.String({ maxLength: 36, description: 'Hand to this agent; without it the conversation goes back to the queue' }),
  ),
  serviceType: Type.Optional(ServiceTypeIdSchema),
})
export type TransferBody = Static<typeof TransferBodySchema>

export const AgentSummarySchema = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  activeConversations: Type.Integer({ minimum: 0 }),
  online: Type.Boolean({ description: 'Signed in with the workspace open (seen in the last 90 s)' }),
})
export const AgentListSchema = Type.Object({ items: Type.Array(AgentSummarySchema) })
export type AgentList = Static<typeof AgentListSchema>

/** Agent inbox long-poll: `GET /api/agent/inbox?token=T&wait=25` returns when the queue or my conversations change. */
export const AgentQueueQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
})

export const AgentInboxQuerySchema = Type.Object({
  token: Type.Optional(Type.String({ maxLength: 64 })),
  wait: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_POLL_WAIT_SECONDS, default: 0 })),
})
export const AgentInboxSchema = Type.Object({
  token: Type.String({ description: 'Pass back to wait for the next change' }),
  queue: QueueSchema,
  mine: Type.Array(AgentConversationSchema),
})
export type AgentInbox = Static<typeof AgentInboxSchema>

export const CustomerOrderSchema = Type.Object({
  orderNo: Type.String(),
  title: Type.String(),
  status: Type.String(),
  amountCents: Type.Optional(Type.Integer()),
  placedAt: Type.Optional(Type.String()),
})
export const CustomerTicketSchema = Type.Object({
  id: Type.String(),
  ticketNo: Type.Optional(Type.String()),
  caseNo: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  serviceType: Type.String(),
  subtype: Type.Optional(Type.String()),
  status: Type.String(),
  title: Type.String(),
  createdAt: Type.String(),
})

/** What an agent sees beside the chat. */
export const CustomerPanelSchema = Type.Object({
  shopper: Type.Object({ id: Type.String(), displayName: Type.String(), since: Type.String({ format: 'date-time' }) }),
  orders: Type.Array(CustomerOrderSchema),
  tickets: Type.Array(CustomerTicketSchema),
  pastConversations: Type.Integer({ minimum: 0 }),
  linkedOrderNo: Type.Union([Type.String(), Type.Null()]),
  linkedTicketId: Type.Union([Type.String(), Type.Null()]),
})
export type CustomerPanel = Static<typeof CustomerPanelSchema>

export const ConversationIdParamsSchema = Type.Object({ id: Type.String({ maxLength: 36 }) })
