/** What the chat screens can do; each action updates the store at once and syncs in the background. */
import Taro from '@tarojs/taro'
import { t } from '@/lib/i18n'
import type { OrderCard, QuickReply, RatingTarget } from '@shared/chat'
import type { Order } from '@shared/order'
import { selectConversation } from '@/lib/conversation'
import { endConversation, openConversation, rate, requestHandoff } from './chat.api'
import { chat, selectUnread, useChatStore, withRating } from './chat.store'

const get = useChatStore.getState

/** Sends text (trimmed; empty text is ignored). A tapped FAQ reply carries its entry id. */
export function sendText(text: string, faqId?: string): void {
  chat.send({ kind: 'text', text, ...(faqId ? { faqId } : {}) })
}

/** Sends a picked (already compressed) image file. */
export function sendImage(localPath: string): void {
  chat.send({ kind: 'image', localPath })
}

/** A snapshot of an order for its card in the timeline. */
export function orderCardOf(order: Order): OrderCard {
  const first = order.items[0]
  return {
    orderNo: order.orderNo,
    title: order.items.length > 1 ? t('tickets.orderItems', { name: first?.name ?? '', n: order.items.length }) : (first?.name ?? ''),
    status: order.status,
    amountCents: order.amount.fen,
    placedAt: order.paidAt,
  }
}

/** Sends an order card. */
export function sendOrder(order: Order): void {
  chat.send({ kind: 'order', orderNo: order.orderNo, order: orderCardOf(order) })
}

/** Asks for a human agent, with the service type the bot settled on. */
export async function handoff(): Promise<void> {
  const next = await requestHandoff(selectConversation(get())?.serviceType)
  chat.setConversation(next)
  chat.reload()
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
  // The ticket joins the chat's case, so every channel finds the whole history.
  params.add('caseNo', selectConversation(get())?.caseNo)
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
  chat.setConversation(await endConversation())
  chat.reload()
}

/** Rates the bot or the agent. */
export async function submitRating(target: RatingTarget, score: number, tags: string[], comment: string): Promise<void> {
  const c = selectConversation(get())
  const next = await rate({ conversationId: c?.id, target, score, tags, comment })
  if (c) chat.setConversation(withRating(c, target, score, comment, tags))
  chat.setConversation(next)
}

/**
 * The chat page came to the front. It shows the shopper's latest conversation, an ended one
 * too (its history stays readable; the next message starts a new one). A shopper who never
 * chatted is greeted: the server starts a conversation with the bot.
 */
export async function openChat(): Promise<void> {
  await chat.setVisible(true)
  await chat.whenLoaded()
  if (get().currentId) return
  try {
    chat.setConversation(await openConversation())
  } catch {
    useChatStore.setState({ status: 'error' })
  }
}

/** Keeps the 在线客服 tab badge equal to the unread count. */
export function syncTabBadge(): () => void {
  let lastBadge = -1
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
