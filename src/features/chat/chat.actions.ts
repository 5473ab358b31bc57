/** What the chat screens can do; each action updates the store at once and syncs in the background. */
import Taro from '@tarojs/taro'
import type { OrderCard, QuickReply, RatingTarget } from '@shared/chat'
import type { Order } from '@shared/order'
import { endConversation, openConversation, poll, rate, requestHandoff } from './chat.api'
import { flushOutbox } from './chat.outbox'
import { acknowledgeRead, PAGE_SIZE, reload, resume } from './chat.realtime'
import { applyPoll, enqueue, markRated, selectUnread, useChatStore } from './chat.store'

const get = useChatStore.getState
const set = useChatStore.setState

/** Sends text (trimmed; empty text is ignored). A tapped FAQ reply carries its entry id. */
export function sendText(text: string, faqId?: string): void {
  const value = text.trim()
  if (!value) return
  enqueue({ kind: 'text', text: value, ...(faqId ? { faqId } : {}) })
  void flushOutbox()
}

/** Sends a picked (already compressed) image file. */
export function sendImage(localPath: string): void {
  enqueue({ kind: 'image', localPath })
  void flushOutbox()
}

/** A snapshot of an order for its card in the timeline. */
export function orderCardOf(order: Order): OrderCard {
  const first = order.items[0]
  const more = order.items.length > 1 ? ` 等${order.items.length}件` : ''
  return {
    orderNo: order.orderNo,
    title: `${first?.name ?? ''}${more}`,
    status: order.status,
    amountCents: order.amount.fen,
    placedAt: order.paidAt,
  }
}

/** Sends an order card. */
export function sendOrder(order: Order): void {
  enqueue({ kind: 'order', orderNo: order.orderNo, order: orderCardOf(order) })
  void flushOutbox()
}

/** Asks for a human agent, with the service type the bot settled on. */
export async function handoff(): Promise<void> {
  const c = get().conversation
  const next = await requestHandoff(c?.serviceType)
  if (!c || c.id === next.id) set({ conversation: next })
  reload()
}

/** A quick reply under a bot answer. */
export async function quickReply(q: QuickReply, prefill?: { serviceType: string; subtype?: string; orderNo?: string }): Promise<void> {
  if (q.action === 'faq') return sendText(q.label, q.payload)
  if (q.action === 'text') return sendText(q.payload ?? q.label)
  if (q.action === 'handoff') return handoff()
  const params = new URLSearchParamsLite()
  params.add('serviceType', prefill?.serviceType)
  params.add('subtype', prefill?.subtype ?? q.payload)
  params.add('orderNo', prefill?.orderNo)
  await Taro.navigateTo({ url: `/pages/ticket/new/index${params.toString()}` })
}

// URLSearchParams is missing in the mini-program runtime.
class URLSearchParamsLite {
  private parts: string[] = []
  add(key: string, value?: string | null) {
    if (value) this.parts.push(`${key}=${encodeURIComponent(value)}`)
  }
  toString() {
    return this.parts.length ? `?${this.parts.join('&')}` : ''
  }
}

/** Ends the conversation; the rating sheet follows from the new state. */
export async function endChat(): Promise<void> {
  set({ conversation: await endConversation() })
  reload()
}

/** Rates the bot or the agent. */
export async function submitRating(target: RatingTarget, score: number, tags: string[], comment: string): Promise<void> {
  const c = get().conversation
  const next = await rate({ conversationId: c?.id, target, score, tags, comment })
  markRated(target, score, comment, tags)
  if (next.version >= (get().conversation?.version ?? 0)) set({ conversation: next })
}

/** Loads the page of messages before the oldest one shown. */
export async function loadOlder(): Promise<void> {
  const s = get()
  const first = s.messages[0]
  if (!first || !s.hasOlder || s.loadingOlder) return
  set({ loadingOlder: true })
  try {
    applyPoll(await poll({ conversationId: s.conversation?.id, before: first.seq, limit: PAGE_SIZE }), { history: true })
  } finally {
    set({ loadingOlder: false })
  }
}

/** The chat page came to the front or left it. */
export async function setChatVisible(visible: boolean): Promise<void> {
  set({ visible })
  if (!visible) return
  if (!get().conversation) {
    // Opening the chat greets the shopper: the server starts a conversation with the bot.
    try {
      set({ conversation: await openConversation() })
    } catch {
      set({ status: 'error' })
    }
    reload()
    return
  }
  resume()
  await acknowledgeRead()
}

let lastBadge = -1
/** Keeps the 在线客服 tab badge equal to the unread count. */
export function syncTabBadge(): () => void {
  const update = () => {
    const n = selectUnread(get())
    if (n === lastBadge) return
    lastBadge = n
    const done = n > 0 ? Taro.setTabBarBadge({ index: 1, text: n > 99 ? '99+' : String(n) }) : Taro.removeTabBarBadge({ index: 1 })
    // Outside a tab page the call fails; the next change retries.
    Promise.resolve(done).catch(() => (lastBadge = -1))
  }
  update()
  return useChatStore.subscribe(update)
}
