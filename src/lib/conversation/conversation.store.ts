/**
 * One conversation client for both sides of a chat: createConversationStore({ viewer, api,
 * persist }) holds messages keyed by conversation id, one persisted outbox sent exactly once,
 * and one poll loop. Every bit of state lives in the store or in the closures it creates.
 */
import { create } from 'zustand'
import { createJSONStorage, persist as persistMiddleware, type StateStorage } from 'zustand/middleware'
import type { ChatMessage } from '@shared/chat'
import { taroStateStorage } from '../storage'
import type { ConversationApi, ConversationState, OutboxDraft, OutboxItem, PollResult, Viewer } from './conversation.types'
import { watchNetwork } from './network'
import { createOutboxSender, MAX_ATTEMPTS } from './outbox'
import { createPollLoop } from './poll-loop'
import {
  isFromPeer,
  isLaterConversation,
  isNewerSnapshot,
  mergeIntoThreads,
  newClientMsgId,
  reconcileOutbox,
  type ConversationLike,
} from './timeline'

/** What the store needs beyond id and version: the read marks of both sides. */
export interface ReadableConversation extends ConversationLike {
  shopperReadSeq: number
  agentReadSeq: number
  unreadCount: number
}

export interface ConversationStoreOptions<C extends ReadableConversation> {
  viewer: Viewer
  api: ConversationApi<C>
  /** Where the outbox and drafts survive a restart; without it they live in memory only. */
  persist?: { key: string; storage?: StateStorage }
  /** Messages per page of history. */
  pageSize?: number
}

const NO_MESSAGES: ChatMessage[] = []
const SHOPPER_DRAFT = 'chat'

function initialState<C extends ConversationLike>(): ConversationState<C> {
  return {
    currentId: null,
    conversations: {},
    threads: {},
    peerReadSeq: 0,
    typing: false,
    hasOlder: false,
    loadingOlder: false,
    status: 'idle',
    error: null,
    refused: null,
    online: true,
    visible: false,
    outbox: [],
    drafts: {},
  }
}

/** The conversation on screen, or null before the first answer. */
export function selectConversation<C extends ConversationLike>(s: ConversationState<C>): C | null {
  return s.currentId ? (s.conversations[s.currentId] ?? null) : null
}

/** Messages of the conversation on screen, in seq order (a stable array between changes). */
export function selectMessages<C extends ConversationLike>(s: ConversationState<C>): ChatMessage[] {
  return s.currentId ? (s.threads[s.currentId] ?? NO_MESSAGES) : NO_MESSAGES
}

/** Creates one conversation client: a zustand store plus the actions that drive it. */
export function createConversationStore<C extends ReadableConversation>(options: ConversationStoreOptions<C>) {
  const { viewer, api } = options
  const base = () => initialState<C>()
  const useStore = options.persist
    ? create<ConversationState<C>>()(
        persistMiddleware(base, {
          name: options.persist.key,
          storage: createJSONStorage(() => options.persist?.storage ?? taroStateStorage),
          partialize: (s) => ({ outbox: s.outbox, drafts: s.drafts }),
          // A send cut short by a restart is sent again (same clientMsgId, so never twice).
          merge: (persisted, current) => {
            const saved = (persisted ?? {}) as Partial<ConversationState<C>>
            const outbox = (saved.outbox ?? []).map((o) =>
              o.state === 'sending' ? { ...o, state: 'queued' as const, uploadProgress: undefined } : o,
            )
            return { ...current, outbox, drafts: saved.drafts ?? {} }
          },
        }),
      )
    : create<ConversationState<C>>()(base)
  const get = useStore.getState
  const set = useStore.setState

  const draftKey = () => (viewer === 'shopper' ? SHOPPER_DRAFT : (get().currentId ?? ''))

  /** Merges a poll or history answer; a shopper's screen follows a later conversation. */
  function applyPoll(res: PollResult<C>, history = false): void {
    const s = get()
    const c = res.conversation
    const follows = viewer === 'shopper' ? isLaterConversation(s.conversations, s.currentId, c) : s.currentId === c.id
    const patch: Partial<ConversationState<C>> = {
      conversations: isNewerSnapshot(s.conversations[c.id], c) ? { ...s.conversations, [c.id]: c } : s.conversations,
      threads: mergeIntoThreads(s.threads, res.messages),
      outbox: reconcileOutbox(s.outbox, res.messages),
    }
    if (follows) {
      const switched = s.currentId !== c.id
      patch.currentId = c.id
      patch.peerReadSeq = switched ? res.readSeq : Math.max(s.peerReadSeq, res.readSeq)
      if (history) patch.hasOlder = res.hasMore
      else patch.typing = res.typing
      if (switched && !history) patch.hasOlder = false
    }
    set(patch)
    // A later conversation seen through a live poll (another tab started it): its earlier
    // messages were not asked for, so load its latest page.
    if (follows && s.currentId !== null && s.currentId !== c.id && !history) loop.reload()
  }

  /** Merges messages from any source into their own conversations and drops their outbox entries. */
  function applyMessages(incoming: readonly ChatMessage[]): void {
    const s = get()
    set({ threads: mergeIntoThreads(s.threads, incoming), outbox: reconcileOutbox(s.outbox, incoming) })
  }

  /** Replaces the snapshot of a conversation (after end, handoff, transfer, rating) unless it is older. */
  function setConversation(c: C): void {
    const s = get()
    if (!isNewerSnapshot(s.conversations[c.id], c)) return
    const follows = viewer === 'shopper' ? isLaterConversation(s.conversations, s.currentId, c) : s.currentId === c.id
    set({ conversations: { ...s.conversations, [c.id]: c }, ...(follows ? { currentId: c.id } : {}) })
    if (follows && s.currentId !== c.id) loop.reload()
  }

  /** Marks what the viewer can see as read. */
  async function acknowledgeRead(): Promise<void> {
    const s = get()
    const c = selectConversation(s)
    if (!s.visible || !c) return
    const lastPeer = [...selectMessages(s)].reverse().find((m) => isFromPeer(m, viewer))?.seq ?? 0
    const held = viewer === 'shopper' ? c.shopperReadSeq : c.agentReadSeq
    if (lastPeer <= held && c.unreadCount === 0) return
    const readSeq = Math.max(lastPeer, held)
    const marked = viewer === 'shopper' ? { shopperReadSeq: readSeq } : { agentReadSeq: readSeq }
    set({ conversations: { ...s.conversations, [c.id]: { ...c, ...marked, unreadCount: 0 } } })
    await api.markRead(readSeq, c.id).catch(() => undefined)
  }

  const loop = createPollLoop<C>({
    api,
    pageSize: options.pageSize ?? 30,
    get,
    set,
    target: () => (viewer === 'agent' ? (get().currentId ?? undefined) : undefined),
    apply: applyPoll,
    afterPoll: acknowledgeRead,
    // The shopper's 404 means "no conversation yet": nothing to wait for until they write.
    isFinal: (status) => status === 404 || (viewer === 'agent' && (status === 401 || status === 403)),
  })

  const patchOutbox = (clientMsgId: string, patch: Partial<OutboxItem>) =>
    set((s) => ({ outbox: s.outbox.map((o) => (o.clientMsgId === clientMsgId ? { ...o, ...patch } : o)) }))

  const sender = createOutboxSender<C>({
    api,
    get,
    patch: patchOutbox,
    onAck: (m) => {
      const s = get()
      // The shopper's first message after an ended chat starts a new conversation: show it at once.
      const isNew = viewer === 'shopper' && m.conversationId !== s.currentId && !(m.conversationId in s.conversations)
      applyMessages([m])
      if (isNew) {
        set({ currentId: m.conversationId, peerReadSeq: 0, typing: false, hasOlder: false })
        loop.reload()
      } else loop.wake()
    },
  })

  let unwatch: (() => void) | null = null

  function setOnline(online: boolean): void {
    if (get().online === online) return
    set({ online })
    if (!online) return
    loop.wake()
    void sender.flush()
  }

  /** Starts (or continues) the loop and sends anything waiting in the outbox. */
  function resume(): void {
    unwatch ??= watchNetwork(setOnline)
    void sender.flush()
    loop.resume()
  }

  return {
    useStore,
    applyPoll,
    applyMessages,
    setConversation,
    acknowledgeRead,
    setOnline,
    resume,
    pause: loop.pause,
    reload: loop.reload,
    flush: sender.flush,
    retry: sender.retry,
    maxAttempts: MAX_ATTEMPTS,

    /** Shows a conversation (agent) and keeps it live; the shopper's client finds its own. */
    open(conversationId: string): void {
      if (get().currentId === conversationId && loop.running) return
      loop.pause()
      set({ currentId: conversationId, peerReadSeq: 0, typing: false, hasOlder: false, error: null, refused: null, status: 'loading' })
      loop.reload()
    },

    /** Queues a message for the conversation on screen; it shows at once as "sending". */
    send(draft: OutboxDraft): OutboxItem | null {
      if (draft.kind === 'text' && !draft.text?.trim()) return null
      const target = viewer === 'agent' ? get().currentId : null
      const item: OutboxItem = {
        ...draft,
        ...(draft.text ? { text: draft.text.trim() } : {}),
        ...(target ? { conversationId: target } : {}),
        clientMsgId: newClientMsgId(),
        createdAt: new Date().toISOString(),
        state: 'queued',
        attempts: 0,
      }
      set((s) => ({ outbox: [...s.outbox, item] }))
      void sender.flush()
      return item
    },

    /** Removes a failed message the viewer gave up on. */
    discard(clientMsgId: string): void {
      set((s) => ({ outbox: s.outbox.filter((o) => o.clientMsgId !== clientMsgId) }))
    },

    /** Unsent messages of the conversation on screen. */
    selectPending(s: ConversationState<C>): OutboxItem[] {
      return viewer === 'shopper' ? s.outbox : s.outbox.filter((o) => o.conversationId === s.currentId)
    },

    /** The draft of the conversation on screen. */
    selectDraft(s: ConversationState<C>): string {
      return s.drafts[viewer === 'shopper' ? SHOPPER_DRAFT : (s.currentId ?? '')] ?? ''
    },

    /** Keeps the text being written, so it survives a reload. */
    setDraft(text: string): void {
      const key = draftKey()
      set((s) => {
        const drafts = { ...s.drafts }
        if (text) drafts[key] = text
        else delete drafts[key]
        return { drafts }
      })
    },

    /** The screen came to the front or left it. */
    async setVisible(visible: boolean): Promise<void> {
      set({ visible })
      if (!visible) return
      resume()
      await acknowledgeRead()
    },

    /** Resolves once the latest page has loaded, or the loop has given up on it. */
    whenLoaded(): Promise<void> {
      const done = (s: ConversationState<C>) => s.status === 'ready' || s.status === 'error'
      if (done(get())) return Promise.resolve()
      return new Promise((resolve) => {
        const stop = useStore.subscribe((s) => {
          if (!done(s)) return
          stop()
          resolve()
        })
      })
    },

    /** Loads the page of messages before the oldest one shown. */
    async loadOlder(): Promise<void> {
      const s = get()
      const first = selectMessages(s)[0]
      if (!first || !s.hasOlder || s.loadingOlder || !s.currentId) return
      set({ loadingOlder: true })
      try {
        applyPoll(await api.poll({ conversationId: s.currentId, before: first.seq, limit: options.pageSize ?? 30 }), true)
      } finally {
        set({ loadingOlder: false })
      }
    },

    /** Stops the loop and timers and forgets what is on screen (sign-out, leaving, tests). */
    dispose(): void {
      loop.pause()
      sender.cancel()
      unwatch?.()
      unwatch = null
    },

    /** Leaves the conversation on screen (the outbox keeps sending). */
    close(): void {
      loop.pause()
      set({ currentId: null, typing: false, hasOlder: false, error: null, refused: null, status: 'idle' })
    },
  }
}

/** One conversation client. */
export type ConversationClient<C extends ReadableConversation> = ReturnType<typeof createConversationStore<C>>
