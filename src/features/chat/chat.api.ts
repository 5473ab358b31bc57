/** The chat endpoints the shopper's app calls; all through the one HTTP client. */
import { request, upload } from '@/lib/http'
import { getLang } from '@/lib/i18n'
import type { OnRequestTask, PollQuery } from '@/lib/conversation'
import type { ChatMessage, ChatPoll, Conversation, ConversationList, RatingBody, SendMessageBody } from '@shared/chat'
import { POLL_WAIT_SECONDS } from '@shared/chat-data'
import type { Upload } from '@shared/upload'
import type { Order, OrderList } from '@shared/order'

// The client waits a little longer than the server holds a long-poll before giving up.
const POLL_TIMEOUT_MS = (POLL_WAIT_SECONDS + 10) * 1000

/** Messages after/before a seq plus the conversation state; holds up to `wait` seconds. */
export function poll(params: Partial<PollQuery>, onTask?: OnRequestTask): Promise<ChatPoll> {
  return request<ChatPoll>('/api/chat/messages', {
    query: { ...params, lang: getLang() },
    timeout: params.wait ? POLL_TIMEOUT_MS : 15_000,
    onTask,
  })
}

/** The shopper's conversations, newest first (会话记录). */
export function fetchConversations(): Promise<ConversationList> {
  return request<ConversationList>('/api/chat/conversations')
}

/** Sends one message; resending the same clientMsgId returns the stored message. */
export function sendMessage(body: SendMessageBody): Promise<ChatMessage> {
  return request<ChatMessage>('/api/chat/messages', { method: 'POST', data: body, query: { lang: getLang() } })
}

/** The open conversation; the server opens one (with the bot's greeting) when none is open. */
export function openConversation(): Promise<Conversation> {
  return request<Conversation>('/api/chat', { query: { lang: getLang() } })
}

/** Marks everything up to `seq` as read. */
export function markRead(seq: number, conversationId?: string): Promise<Conversation> {
  return request<Conversation>('/api/chat/read', { method: 'POST', data: { seq, ...(conversationId ? { conversationId } : {}) } })
}

/** Tells the agent the shopper is typing (the server shows it for a few seconds). */
export function sendTyping(): Promise<unknown> {
  return request('/api/chat/typing', { method: 'POST', data: {} })
}

/** Asks for a human agent. */
export function requestHandoff(serviceType?: string | null): Promise<Conversation> {
  return request<Conversation>('/api/chat/handoff', {
    method: 'POST',
    data: serviceType ? { serviceType } : {},
    query: { lang: getLang() },
  })
}

/** Ends the open conversation. */
export function endConversation(): Promise<Conversation> {
  return request<Conversation>('/api/chat/end', { method: 'POST', data: {} })
}

/** Rates the bot or the agent of a conversation. */
export function rate(body: RatingBody): Promise<Conversation> {
  return request('/api/chat/rating', { method: 'POST', data: body })
}

/** Uploads an image; `onProgress` gets 0–100. */
export function uploadImage(filePath: string, onProgress: (p: number) => void): Promise<Upload> {
  return upload<Upload>('/api/uploads', filePath, onProgress)
}

/** The shopper's recent orders, for the order card picker. */
export async function fetchOrders(): Promise<Order[]> {
  return (await request<OrderList>('/api/orders')).items
}
