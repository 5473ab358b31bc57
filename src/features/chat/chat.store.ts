/**
 * Chat state: the current conversation, its messages and the persisted outbox. The realtime
 * loop (chat.realtime.ts) and the sender (chat.outbox.ts) drive it; pages only read it and
 * call the actions.
 */
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { ChatMessage, ChatPoll, Conversation, OrderCard, RatingTarget } from '@shared/chat'
import { taroStateStorage } from '@/lib/storage'
import { isNewerConversation, mergeBySeq, newClientMsgId, reconcileOutbox, type OutboxItem } from './chat.helpers'

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface ChatState {
  conversation: Conversation | null
  messages: ChatMessage[]
  /** How far the agent has read the shopper's messages. */
  peerReadSeq: number
  typing: boolean
  hasOlder: boolean
  loadingOlder: boolean
  status: LoadStatus
  online: boolean
  /** The chat page is in front: new messages count as read. */
  visible: boolean
  outbox: OutboxItem[]
}

export const initialChatState: ChatState = {
  conversation: null,
  messages: [],
  peerReadSeq: 0,
  typing: false,
  hasOlder: false,
  loadingOlder: false,
  status: 'idle',
  online: true,
  visible: false,
  outbox: [],
}

/** Persisted under this key: only the outbox survives a restart; the server holds the rest. */
export const CHAT_STORAGE_KEY = 'sd.chat'

export const useChatStore = create<ChatState>()(
  persist(() => initialChatState, {
    name: CHAT_STORAGE_KEY,
    storage: createJSONStorage(() => taroStateStorage),
    partialize: (s) => ({ outbox: s.outbox }),
    // A send cut short by a restart is sent again (same clientMsgId, so never twice).
    merge: (persisted, current) => {
      const outbox = ((persisted as Partial<ChatState> | undefined)?.outbox ?? []).map((o) =>
        o.state === 'sending' ? { ...o, state: 'queued' as const, uploadProgress: undefined } : o,
      )
      return { ...current, outbox }
    },
  }),
)

const set = useChatStore.setState
const get = useChatStore.getState

/** Merges messages from any source (poll, history, ack) and drops their outbox entries. */
export function applyMessages(incoming: readonly ChatMessage[], conversationId?: string): void {
  const s = get()
  if (conversationId && s.conversation && s.conversation.id !== conversationId) return
  const messages = mergeBySeq(s.messages, incoming)
  set({ messages, outbox: reconcileOutbox(s.outbox, incoming) })
}

/**
 * Applies a poll or history response. A response about another conversation (a new one
 * after the last ended) replaces the timeline; an older snapshot never overwrites a newer one.
 */
export function applyPoll(res: ChatPoll, opts: { history?: boolean } = {}): void {
  const held = get().conversation
  if (held && held.id !== res.conversation.id) {
    set({ conversation: res.conversation, messages: [], peerReadSeq: 0, hasOlder: false })
  } else if (isNewerConversation(held, res.conversation)) {
    set({ conversation: res.conversation, peerReadSeq: Math.max(res.readSeq, res.conversation.agentReadSeq) })
  }
  applyMessages(res.messages, res.conversation.id)
  if (opts.history) set({ hasOlder: res.hasMore })
  else set({ typing: res.typing })
}

/** Updates one outbox entry in place. */
export function patchOutbox(clientMsgId: string, patch: Partial<OutboxItem>): void {
  set((s) => ({ outbox: s.outbox.map((o) => (o.clientMsgId === clientMsgId ? { ...o, ...patch } : o)) }))
}

/** Queues a message; it shows at once as "sending". */
export function enqueue(draft: Pick<OutboxItem, 'kind' | 'text' | 'faqId' | 'orderNo' | 'order' | 'localPath'>): OutboxItem {
  const item: OutboxItem = {
    ...draft,
    clientMsgId: newClientMsgId(),
    createdAt: new Date().toISOString(),
    state: 'queued',
    attempts: 0,
  }
  set((s) => ({ outbox: [...s.outbox, item] }))
  return item
}

/** Removes a failed message the shopper gave up on. */
export function discard(clientMsgId: string): void {
  set((s) => ({ outbox: s.outbox.filter((o) => o.clientMsgId !== clientMsgId) }))
}

/** The shopper's unread count for the tab badge (zero while the chat is in front). */
export function selectUnread(s: ChatState): number {
  return s.visible ? 0 : (s.conversation?.unreadCount ?? 0)
}

/** Records a rating locally so the sheet closes at once. */
export function markRated(target: RatingTarget, score: number, comment: string, tags: string[]): void {
  const c = get().conversation
  if (!c) return
  const given = [...c.rating.given, { target, score, comment, tags, createdAt: new Date().toISOString() }]
  set({ conversation: { ...c, rating: { ...c.rating, pending: c.rating.pending.filter((t) => t !== target), given } } })
}

export type { OutboxItem, OrderCard }
