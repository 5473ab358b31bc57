import type { Database } from '../../../db/database'
import { findOrCreateWechatShopper } from '../../auth/auth.service'
import { createUpload, type UploadsDeps } from '../../uploads/uploads.service'
import { botTurn } from '../chat.bot-turn'
import type { ChatDeps } from '../chat.deps'
import type { Change, Draft } from '../chat.mutate'
import { mutate } from '../chat.mutate'
import { openConversation } from '../chat.service'
import { sendOnce, type Author } from '../chat.send'
import type { ConversationRow } from '../chat.tables'
import { detectLang } from '../bot'
import { shopperHasCase, shopperTicketOfCase } from '../../cases/cases.repository'
import { orderSource } from '../../orders/orders.service'
import type { KfClient } from './kf.client'
import { replyWindow } from './reply-window'
import { parseSessionFrom } from './session-from'

/** A stored push as the worker reads it back: every field as text. */
export type InboundPayload = Record<string, string>

/** What turning pushes into conversation messages needs. */
export interface InboundDeps {
  chat: ChatDeps
  uploads: UploadsDeps
  kf: KfClient | null
}

/** The conversation columns a shopper's WeChat action sets: channel, window, what to send back from. */
function channelPatch(c: ConversationRow, openid: string, now: string, kind: 'message' | 'enter'): Partial<ConversationRow> {
  const current = replyWindow(c.wechat_window_at, c.wechat_window_kind, 0, new Date(now))
  // Entering the chat grants less than a message does: it never shortens a message's window.
  const keepWindow = kind === 'enter' && c.wechat_window_kind === 'message' && current.open
  return {
    channel: 'wechat',
    wechat_openid: openid,
    ...(keepWindow ? {} : { wechat_window_at: now, wechat_window_kind: kind }),
    // Only what is said from now on goes back through WeChat, not the in-app history before.
    wechat_out_seq: c.channel === 'wechat' ? c.wechat_out_seq : c.last_seq + 1,
  }
}

/** What a push's `SessionFrom` may set on the conversation, once checked against this shopper. */
interface EntryContext {
  page?: string
  caseNo?: string
  ticketId?: string
  orderNo?: string
}

/**
 * Reads `SessionFrom` and keeps only what belongs to this shopper: anyone can craft it, so a
 * case or order of someone else is dropped (the openid decided who the shopper is).
 */
export async function entryContextOf(db: Database, shopperId: string, raw: string | undefined): Promise<EntryContext> {
  const from = parseSessionFrom(raw)
  const out: EntryContext = from.page ? { page: from.page } : {}
  if (from.caseNo && (await shopperHasCase(db, shopperId, from.caseNo))) {
    out.caseNo = from.caseNo
    const ticketId = await shopperTicketOfCase(db, shopperId, from.caseNo)
    if (ticketId) out.ticketId = ticketId
  }
  if (from.orderNo && (await orderSource().ownership(shopperId, from.orderNo)) === 'owned') out.orderNo = from.orderNo
  return out
}

/** The conversation columns an entry context fills; links already made are kept. */
function entryPatch(c: ConversationRow, e: EntryContext): Partial<ConversationRow> {
  return {
    ...(e.page ? { wechat_entry_page: e.page } : {}),
    // A chat still with the bot joins the case the shopper came about; one an agent handled keeps its own.
    ...(e.caseNo && c.status === 'bot' && c.had_agent === 0 ? { case_no: e.caseNo } : {}),
    ...(e.ticketId && !c.ticket_id ? { ticket_id: e.ticketId } : {}),
    ...(e.orderNo && !c.order_no ? { order_no: e.orderNo } : {}),
  }
}

/** The card a shopper sends from a page: where it points, as a ticket or an order when it names one. */
export function cardOf(p: InboundPayload): { title: string; pagePath: string; ticketId?: string; orderNo?: string } {
  const pagePath = (p.PagePath ?? '').slice(0, 500)
  const query = new URLSearchParams(pagePath.split('?')[1] ?? '')
  const ticketId = query.get('ticketId') ?? query.get('id') ?? undefined
  const orderNo = query.get('orderNo') ?? undefined
  return { title: (p.Title ?? '').slice(0, 200), pagePath, ...(ticketId ? { ticketId } : {}), ...(orderNo ? { orderNo } : {}) }
}

async function draftOf(deps: InboundDeps, shopperId: string, key: string, p: InboundPayload): Promise<Draft | null> {
  const base = { sender: 'shopper' as const, senderId: shopperId, clientMsgId: `wx:${key}`.slice(0, 64), origin: 'wechat' as const }
  if (p.MsgType === 'text') return p.Content?.trim() ? { ...base, kind: 'text', text: p.Content.slice(0, 2000) } : null
  if (p.MsgType === 'miniprogrampage') {
    const card = cardOf(p)
    return { ...base, kind: 'text', text: card.title || card.pagePath, card }
  }
  if (p.MsgType === 'image') {
    if (!deps.kf || !p.MediaId) return null
    const media = await deps.kf.fetchMedia(p.MediaId)
    const upload = await createUpload(deps.uploads, shopperId, { filename: 'wechat-image', data: media.data })
    return { ...base, kind: 'image', uploadId: upload.id }
  }
  return null
}

/** Puts one stored push into the shopper's conversation (once: its key is the message's client id). */
export async function applyInbound(deps: InboundDeps, db: Database, key: string, p: InboundPayload): Promise<void> {
  const openid = p.FromUserName
  const shopper = await findOrCreateWechatShopper(db, openid)
  const author: Author = { id: shopper.id, role: 'shopper', displayName: shopper.display_name }
  const entry = await entryContextOf(db, shopper.id, p.SessionFrom)
  if (p.MsgType === 'event') {
    const conv = await openConversation(deps.chat, shopper.id, 'zh')
    await mutate(deps.chat, conv.id, (c, now) => ({ patch: { ...channelPatch(c, openid, now, 'enter'), ...entryPatch(c, entry) } }))
    return
  }
  const draft = await draftOf(deps, shopper.id, key, p)
  if (!draft) return
  const lang = draft.text ? detectLang(draft.text) : 'zh'
  const open = async () => (await openConversation(deps.chat, shopper.id, lang)).id
  await sendOnce(
    deps.chat,
    open,
    author,
    draft,
    () => undefined,
    (c, now): Change => {
      const patch = { ...channelPatch(c, openid, now, 'message'), ...entryPatch(c, entry) }
      if (c.status !== 'bot' || p.MsgType !== 'text') return { patch }
      const turn = botTurn(c, draft.text ?? '', undefined, now)
      return { ...turn, patch: { ...turn.patch, ...patch, agent_read_seq: c.last_seq + 1 } }
    },
  )
}
