/**
 * The shopper's chat: one conversation client (src/lib/conversation) on the shopper's
 * endpoints. Only the outbox and the draft survive a restart; the server holds the rest.
 */
import type { Conversation, RatingTarget } from '@shared/chat'
import { createConversationStore, selectConversation, type ConversationApi, type ConversationState } from '@/lib/conversation'
import { markRead, poll, sendMessage, uploadImage } from './chat.api'

/** Persisted under this key: the outbox and the draft. */
export const CHAT_STORAGE_KEY = 'sd.chat'

// The shopper's endpoints already have the shape the client calls.
const shopperApi: ConversationApi<Conversation> = { poll, send: sendMessage, upload: uploadImage, markRead }

export const chat = createConversationStore<Conversation>({ viewer: 'shopper', api: shopperApi, persist: { key: CHAT_STORAGE_KEY } })
export const useChatStore = chat.useStore

export type ChatState = ConversationState<Conversation>

/** The shopper's unread count for the tab badge (zero while the chat is in front). */
export function selectUnread(s: ChatState): number {
  return s.visible ? 0 : (selectConversation(s)?.unreadCount ?? 0)
}

/** The conversation on screen. */
export const selectChatConversation = (s: ChatState): Conversation | null => selectConversation(s)

/** A conversation with a rating recorded locally, so the sheet closes at once. */
export function withRating(c: Conversation, target: RatingTarget, score: number, comment: string, tags: string[]): Conversation {
  const given = [...c.rating.given, { target, score, comment, tags, createdAt: new Date().toISOString() }]
  return { ...c, rating: { ...c.rating, pending: c.rating.pending.filter((t) => t !== target), given } }
}
