import type {
  AgentConversation,
  BotMeta,
  ChatEvent,
  ChatMessage,
  Conversation,
  OrderCard,
  PageCard,
  RatingTarget,
} from '../../../types/chat'
import type { ServiceTypeId } from '../../../types/catalog-data'
import type { Database } from '../../db/database'
import type { UploadLinks } from '../uploads/upload-links'
import { findBlocked } from '../uploads/uploads.repository'
import * as repo from './chat.repository'
import type { ConversationRow, MessageRow } from './chat.tables'
import { readableShopperName } from '../auth/display-name'
import { SYSTEM_MESSAGE_PARAMS, type SystemMessage, type SystemMessageCode } from '../../../types/system-messages'
import type { Locale } from '../../lib/locale'
import { renderSystem } from './chat.texts'
import { listGrants } from '../notifications/grants.repository'
import { replyWindow } from './wechat/reply-window'
import { deliveryOf, repliesSince } from './wechat/wechat.repository'

export type Viewer = 'shopper' | 'agent'

function parse<T>(json: string | null): T | null {
  if (!json) return null
  try {
    return JSON.parse(json) as T
  } catch {
    return null
  }
}

/** What mapping needs: the database, the signer of image links and the viewer's locale. */
export interface MapDeps {
  db: Database
  links: UploadLinks
  /** The viewer's locale (from Accept-Language); absent: system texts stay as stored. */
  locale?: Locale
}

/** Stored rows → message DTOs; images get a signed link, since the other side does not own them. */
export async function toMessages(deps: MapDeps, rows: MessageRow[]): Promise<ChatMessage[]> {
  const blocked = await findBlocked(deps.db, [...new Set(rows.flatMap((r) => (r.upload_id ? [r.upload_id] : [])))])
  const delivery = await deliveryOf(
    deps.db,
    rows.flatMap((r) => (r.sender === 'agent' || r.sender === 'bot' ? [r.id] : [])),
  )
  return Promise.all(
    rows.map(async (r) => {
      const message = toMessage(r, r.upload_id ? await deps.links.pathFor(r.upload_id) : null, deps.locale)
      const state = delivery.get(r.id)
      const withState = state ? { ...message, delivery: state } : message
      return r.upload_id && blocked.has(r.upload_id) ? { ...withState, imageBlocked: true } : withState
    }),
  )
}

function systemOf(row: MessageRow): SystemMessage | null {
  if (row.sender !== 'system') return null
  const code = row.system_code && row.system_code in SYSTEM_MESSAGE_PARAMS ? (row.system_code as SystemMessageCode) : 'legacy'
  return { code, params: parse<SystemMessage['params']>(row.system_params_json) ?? {} }
}

/** Stored row → message DTO, with the image link already made; system texts in `locale` when given. */
export function toMessage(row: MessageRow, imageUrl: string | null, locale?: Locale): ChatMessage {
  const system = systemOf(row)
  const wechat = row.origin === 'wechat'
  const card = wechat ? parse<{ card?: PageCard }>(row.meta_json)?.card : undefined
  return {
    id: row.id,
    conversationId: row.conversation_id,
    seq: row.seq,
    clientMsgId: row.client_msg_id,
    sender: row.sender,
    senderName: row.sender_name,
    kind: row.kind,
    text: system && locale ? renderSystem(system, locale, row.text) : row.text,
    uploadId: row.upload_id,
    imageUrl,
    orderNo: row.order_no,
    order: parse<OrderCard>(row.order_json),
    meta: wechat ? null : parse<BotMeta>(row.meta_json),
    event: parse<ChatEvent>(row.event_json),
    system,
    createdAt: row.created_at,
    ...(wechat ? { origin: 'wechat' as const } : {}),
    ...(card ? { card } : {}),
  }
}

/** Who the shopper may still rate: the agent when one took part, the bot always. */
export function ratingTargets(conv: ConversationRow): RatingTarget[] {
  return conv.had_agent ? ['agent', 'bot'] : ['bot']
}

/** Senders whose messages count as unread for a viewer. */
export function peerSenders(viewer: Viewer): MessageRow['sender'][] {
  return viewer === 'shopper' ? ['bot', 'agent', 'system'] : ['shopper']
}

/** Conversation row → the shopper's DTO (agent name, queue position, unread, ratings) in one query. */
export async function toConversation(deps: MapDeps, conv: ConversationRow, viewer: Viewer = 'shopper'): Promise<Conversation> {
  return conversationDto(conv, await findFacts(deps, conv, viewer))
}

type Facts = Awaited<ReturnType<typeof repo.findConversationFacts>>

function findFacts(deps: MapDeps, conv: ConversationRow, viewer: Viewer): Promise<Facts> {
  const readSeq = viewer === 'shopper' ? conv.shopper_read_seq : conv.agent_read_seq
  return repo.findConversationFacts(deps.db, conv, readSeq, peerSenders(viewer))
}

function conversationDto(conv: ConversationRow, facts: Facts): Conversation {
  const given = facts.ratings.map((r) => ({
    target: r.target,
    score: r.score,
    comment: r.comment,
    tags: parse<string[]>(r.tags_json) ?? [],
    createdAt: r.created_at,
  }))
  return {
    id: conv.id,
    status: conv.status,
    serviceType: conv.service_type as ServiceTypeId | null,
    agentName: facts.agentName,
    queuePosition: conv.status === 'queued' ? facts.ahead + 1 : null,
    unreadCount: facts.unread,
    lastSeq: conv.last_seq,
    version: conv.version,
    shopperReadSeq: conv.shopper_read_seq,
    agentReadSeq: conv.agent_read_seq,
    orderNo: conv.order_no,
    ticketId: conv.ticket_id,
    endedBy: conv.ended_by as Conversation['endedBy'],
    rating: {
      requested: conv.rating_requested === 1,
      pending: ratingTargets(conv).filter((t) => !given.some((g) => g.target === t)),
      given,
    },
    createdAt: conv.created_at,
    queuedAt: conv.queued_at,
    endedAt: conv.ended_at,
    caseNo: conv.case_no ?? null,
    channel: conv.channel ?? 'app',
  }
}

/** Conversation row → the agent's DTO. */
export async function toAgentConversation(deps: MapDeps, conv: ConversationRow): Promise<AgentConversation> {
  const [facts, last] = await Promise.all([
    findFacts(deps, conv, 'agent'),
    repo.lastMessageFrom(deps.db, conv.id, ['shopper', 'bot', 'agent', 'system']),
  ])
  return {
    ...conversationDto(conv, facts),
    shopper: { id: conv.shopper_id, displayName: readableShopperName(facts.shopperName, conv.shopper_id) },
    agentId: conv.agent_id,
    handoffReason: conv.handoff_reason,
    lastMessage: last ? (await toMessages(deps, [last]))[0] : null,
    assignedAt: conv.assigned_at,
    ...(conv.channel === 'wechat' ? { wechatWindow: await wechatWindowOf(deps, conv) } : {}),
    ...(conv.channel === 'wechat' && conv.wechat_entry_page ? { wechatEntryPage: conv.wechat_entry_page } : {}),
  }
}

/** WeChat's reply window on a wechat conversation, and what to use when it is closed. */
async function wechatWindowOf(deps: MapDeps, conv: ConversationRow): Promise<NonNullable<AgentConversation['wechatWindow']>> {
  const queued = conv.wechat_window_at ? await repliesSince(deps.db, conv.id, conv.wechat_window_at) : 0
  // Replies stored but not yet handed to the outbox count as spent too.
  const uncollected = await deps.db
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('conversation_id', '=', conv.id)
    .where('seq', '>', conv.wechat_out_seq)
    .where('sender', 'in', ['bot', 'agent'])
    .where('kind', 'in', ['text', 'image'])
    .executeTakeFirst()
  const used = queued + Number(uncollected?.n ?? 0)
  const window = replyWindow(conv.wechat_window_at, conv.wechat_window_kind, used, new Date())
  const grants = await listGrants(deps.db, conv.shopper_id)
  const contact = await deps.db
    .selectFrom('tickets')
    .select('id')
    .where('user_id', '=', conv.shopper_id)
    .where((eb) => eb.or([eb('contact_phone', 'is not', null), eb('contact_email', 'is not', null)]))
    .limit(1)
    .executeTakeFirst()
  const fallback = [...grants.values()].some((n) => n > 0) ? 'subscribe' : contact ? 'contact' : 'ask'
  return { ...window, fallback }
}
