import crypto from 'node:crypto'
import type { HandoffBody, LinkBody, SendMessageBody } from '../../../types/chat'
import { HttpError } from '../../plugins/errors'
import { assertOrderUsable, listOrdersFor } from '../orders/orders.service'
import { newCaseNo } from '../cases/case-no'
import { readWithLanguageModel, type LanguageModelReading } from './bot/language-model'
import { answer } from './bot'
import { botDraft, botTurn, queuedEvent, queuePatch } from './chat.bot-turn'
import { endChange } from './chat.lifecycle'
import { assertCanHandoff, assertCanOpenConversation } from './chat.limits'
import type { ChatDeps } from './chat.deps'
import { shopperChannel } from './chat.events'
import { isUniqueViolation, mutate } from './chat.mutate'
import * as repo from './chat.repository'
import { draftFrom, sendOnce, type Author } from './chat.send'
import type { ConversationRow, MessageRow } from './chat.tables'
import { ownsTicket } from './customer.source'
import { eventText, langOf, type ChatLang } from './chat.texts'
import { outOfHoursDraft } from './chat.hours'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The shopper's open conversation; a new one (greeted by the bot) when none is open. */
export async function openConversation(deps: ChatDeps, shopperId: string, lang: ChatLang): Promise<ConversationRow> {
  const open = await repo.findOpenConversation(deps.db, shopperId)
  if (open) return open
  await assertCanOpenConversation(deps, shopperId)
  const now = new Date().toISOString()
  const conv: ConversationRow = {
    id: crypto.randomUUID(),
    case_no: newCaseNo(),
    shopper_id: shopperId,
    open_key: shopperId,
    status: 'bot',
    service_type: null,
    lang,
    agent_id: null,
    had_agent: 0,
    handoff_reason: null,
    unhelpful_count: 0,
    order_no: null,
    ticket_id: null,
    last_seq: 1,
    version: 1,
    // The greeting (seq 1) is on screen the moment the chat opens: nothing unread for a newcomer.
    shopper_read_seq: 1,
    agent_read_seq: 0,
    shopper_typing_until: null,
    agent_typing_until: null,
    rating_requested: 0,
    queued_at: null,
    assigned_at: null,
    ended_at: null,
    ended_by: null,
    last_activity_at: now,
    created_at: now,
    channel: 'app',
    wechat_openid: null,
    wechat_window_at: null,
    wechat_window_kind: null,
    wechat_out_seq: 0,
    wechat_entry_page: null,
  }
  const greeting = botDraft(answer({ text: lang === 'en' ? 'hello' : '你好', lang }))
  try {
    await deps.db.transaction().execute(async (trx) => {
      await repo.insertConversation(trx, conv)
      await repo.insertMessages(trx, [{ ...toGreetingRow(conv, greeting.text!, JSON.stringify(greeting.meta)), created_at: now }])
    })
    // Another tab of this shopper may be waiting on the conversation before: let it follow.
    deps.bus.publish(shopperChannel(shopperId), 0)
    return conv
  } catch (err) {
    // Two first requests raced: the unique open_key let exactly one conversation in.
    const raced = isUniqueViolation(err) ? await repo.findOpenConversation(deps.db, shopperId) : undefined
    if (raced) return raced
    throw err
  }
}

function toGreetingRow(conv: ConversationRow, text: string, metaJson: string): Omit<MessageRow, 'created_at'> {
  return {
    id: crypto.randomUUID(),
    conversation_id: conv.id,
    seq: 1,
    client_msg_id: null,
    sender: 'bot',
    sender_id: null,
    sender_name: null,
    kind: 'text',
    text,
    upload_id: null,
    order_no: null,
    order_json: null,
    meta_json: metaJson,
    event_json: null,
    system_code: null,
    system_params_json: null,
    origin: null,
  }
}

/** A conversation the shopper owns: the given one, else the open one, else the latest. 404 for others'. */
export async function shopperConversation(
  deps: ChatDeps,
  shopperId: string,
  conversationId?: string,
  lang: ChatLang = 'zh',
): Promise<ConversationRow> {
  if (conversationId) {
    const conv = await repo.findConversation(deps.db, conversationId)
    // Someone else's conversation is reported exactly like a missing one.
    if (!conv || conv.shopper_id !== shopperId) throw new HttpError(404, 'CONVERSATION_NOT_FOUND', 'No such conversation.')
    return conv
  }
  const conv = (await repo.findOpenConversation(deps.db, shopperId)) ?? (await repo.findLatestConversation(deps.db, shopperId))
  return conv ?? openConversation(deps, shopperId, lang)
}

/** Stores a shopper message once; while the bot is in charge it answers in the same transaction. */
export async function sendAsShopper(deps: ChatDeps, author: Author, body: SendMessageBody, lang: ChatLang): Promise<MessageRow> {
  const draft = await draftFrom(deps.db, author, body, author.id)
  const guard = (c: ConversationRow) => {
    if (c.status === 'ended') throw new HttpError(409, 'CONVERSATION_ENDED', 'This chat has ended; send again to start a new one.')
  }
  let hint: LanguageModelReading | null = null
  const open = async () => {
    const conv = await openConversation(deps, author.id, lang)
    // Asked before the conversation is locked: the provider may take up to its timeout.
    hint = await languageModelHint(deps, conv, author.id, body)
    return conv.id
  }
  return sendOnce(deps, open, author, draft, guard, (c, now) => {
    // Back in the app: replies stay in the app rather than spending WeChat's reply window.
    const channel = c.channel === 'wechat' ? { channel: 'app' as const } : {}
    if (body.kind === 'order' && !c.order_no) return { patch: { order_no: body.orderNo!.trim(), ...channel } }
    if (c.status !== 'bot' || body.kind !== 'text') return c.channel === 'wechat' ? { patch: channel } : null
    const turn = botTurn(c, body.text ?? '', body.faqId, now, hint, lang)
    // The bot reads at once: the shopper's message is the next seq.
    return { ...turn, patch: { ...turn.patch, agent_read_seq: c.last_seq + 1, ...channel } }
  })
}

async function languageModelHint(
  deps: ChatDeps,
  conv: ConversationRow,
  shopperId: string,
  body: SendMessageBody,
): Promise<LanguageModelReading | null> {
  if (!deps.llm || conv.status !== 'bot' || body.kind !== 'text' || body.faqId || !body.text?.trim()) return null
  return readWithLanguageModel(deps.llm, body.text, await listOrdersFor(shopperId))
}

/** How many past conversations a shopper can read back. */
const HISTORY_LIMIT = 20

/** The shopper's conversations, newest first. */
export function listMyConversations(deps: ChatDeps, shopperId: string): Promise<ConversationRow[]> {
  return repo.listConversationsOf(deps.db, shopperId, HISTORY_LIMIT)
}

/** 转人工: moves the open conversation into the queue of its service type (idempotent). */
export async function requestHandoff(deps: ChatDeps, shopperId: string, body: HandoffBody, lang: ChatLang): Promise<ConversationRow> {
  const conv = await openConversation(deps, shopperId, lang)
  if (conv.status === 'bot') await assertCanHandoff(deps, shopperId)
  const applied = await mutate(deps, conv.id, (c, now) => {
    if (c.status === 'ended') throw new HttpError(409, 'CONVERSATION_ENDED', 'This chat has ended.')
    if (c.status !== 'bot') return null
    const serviceType = body.serviceType ?? c.service_type
    const lang = langOf(c.lang)
    // A tap says what typing 转人工 says: service hours, a ticket and the hotline as ways out.
    const ask = answer({ text: lang === 'en' ? 'talk to a human agent' : '转人工', history: { unhelpfulCount: 0 } })
    const offHours = outOfHoursDraft(new Date(now), lang, deps.agentHours)
    return {
      patch: { ...queuePatch(now, 'handoff.request'), service_type: serviceType },
      messages: [botDraft(ask), queuedEvent(serviceType, lang), ...(offHours ? [offHours] : [])],
    }
  })
  return applied?.conv ?? (await repo.findConversation(deps.db, conv.id))!
}

/** The shopper ends the open conversation; they are asked to rate it. */
export async function endByShopper(deps: ChatDeps, shopperId: string): Promise<ConversationRow> {
  const open = await repo.findOpenConversation(deps.db, shopperId)
  if (!open) throw new HttpError(409, 'NO_OPEN_CONVERSATION', 'There is no open chat to end.')
  const applied = await mutate(deps, open.id, (c, now) => (c.status === 'ended' ? null : endChange(c, 'shopper', now)))
  return applied?.conv ?? (await repo.findConversation(deps.db, open.id))!
}

/** Links the open conversation to an order and/or a ticket (format-checked). */
export async function linkConversation(deps: ChatDeps, shopperId: string, body: LinkBody, lang: ChatLang): Promise<ConversationRow> {
  if (body.orderNo === undefined && body.ticketId === undefined) {
    throw new HttpError(400, 'NOTHING_TO_LINK', 'body: give an orderNo or a ticketId.', 'body')
  }
  if (body.orderNo !== undefined) await assertOrderUsable(shopperId, body.orderNo, 'body.orderNo')
  if (body.ticketId !== undefined && !(UUID.test(body.ticketId) && (await ownsTicket(deps.db, shopperId, body.ticketId)))) {
    throw new HttpError(400, 'TICKET_NOT_FOUND', 'body.ticketId: no such ticket of yours.', 'body.ticketId')
  }
  const conv = await openConversation(deps, shopperId, lang)
  const applied = await mutate(deps, conv.id, (c) => {
    if (c.order_no === (body.orderNo ?? c.order_no) && c.ticket_id === (body.ticketId ?? c.ticket_id)) return null
    const event = {
      type: 'linked' as const,
      ...(body.orderNo ? { orderNo: body.orderNo } : {}),
      ...(body.ticketId ? { ticketId: body.ticketId } : {}),
    }
    return {
      patch: { order_no: body.orderNo ?? c.order_no, ticket_id: body.ticketId ?? c.ticket_id },
      messages: [{ sender: 'system', kind: 'event', event, text: eventText(event, c.lang === 'en' ? 'en' : 'zh') }],
    }
  })
  return applied?.conv ?? (await repo.findConversation(deps.db, conv.id))!
}
