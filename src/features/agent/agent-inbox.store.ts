import { create } from 'zustand'
import { t } from '@/lib/i18n'
import type { AgentConversation, Queue } from '@shared/chat'
import { ApiError } from '@/lib/http'
import { claimConversation, pollInbox } from './agent-chat.api'

interface InboxState {
  queue: Queue
  mine: AgentConversation[]
  loaded: boolean
  /** When the queue was last received (ms), so wait times keep counting between updates. */
  queueAt: number
  error: string | null
  /** True when the agent session is gone: the page sends them to login. */
  signedOut: boolean
  claiming: string | null
  /** Starts the inbox long-poll loop (idempotent). */
  start: () => void
  /** Stops it; a request in flight is ignored when it returns. */
  stop: () => void
  /** Claims a queued conversation; resolves to it, or null with `error` set. */
  claim: (id: string) => Promise<AgentConversation | null>
  /** Replaces one of my conversations after a change (transfer, end). */
  applyMine: (c: AgentConversation) => void
}

const EMPTY_QUEUE: Queue = { items: [], byServiceType: [] }
const RETRY_MS = 3000
let generation = 0

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Queue and my conversations, kept live by the inbox long-poll. */
export const useInboxStore = create<InboxState>()((set, get) => ({
  queue: EMPTY_QUEUE,
  mine: [],
  loaded: false,
  queueAt: 0,
  error: null,
  signedOut: false,
  claiming: null,
  start: () => {
    const gen = ++generation
    void (async () => {
      let token: string | null = null
      while (gen === generation) {
        try {
          const inbox = await pollInbox(token)
          if (gen !== generation) return
          token = inbox.token
          set({ queue: inbox.queue, mine: inbox.mine, loaded: true, queueAt: Date.now(), error: null })
        } catch (err) {
          if (gen !== generation) return
          if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
            set({ signedOut: true })
            return
          }
          set({ error: err instanceof ApiError ? err.message : t('agent.inbox.loadFailed'), loaded: true })
          token = null
          await sleep(RETRY_MS)
        }
      }
    })()
  },
  stop: () => {
    generation++
  },
  claim: async (id) => {
    set({ claiming: id, error: null })
    try {
      const c = await claimConversation(id)
      set((s) => ({
        claiming: null,
        mine: [c, ...s.mine.filter((m) => m.id !== c.id)],
        queue: { ...s.queue, items: s.queue.items.filter((q) => q.conversationId !== id) },
      }))
      return c
    } catch (err) {
      const taken = err instanceof ApiError && err.status === 409
      set((s) => ({
        claiming: null,
        error: taken ? t('errors.ALREADY_CLAIMED') : err instanceof ApiError ? err.message : t('agent.inbox.claimFailed'),
        queue: taken ? { ...s.queue, items: s.queue.items.filter((q) => q.conversationId !== id) } : s.queue,
      }))
      return null
    }
  },
  applyMine: (c) => {
    const others = get().mine.filter((m) => m.id !== c.id)
    set({ mine: c.status === 'assigned' ? [c, ...others] : others })
  },
}))
