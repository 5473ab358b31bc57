/**
 * The one long-poll loop: started when the app or the chat shows, paused when hidden,
 * catching up from the last contiguous seq after a pause or a network loss, backing off on errors.
 */
import Taro from '@tarojs/taro'
import { ApiError } from '@/lib/http'
import { isH5 } from '@/lib/platform'
import { markRead, poll, POLL_WAIT_SECONDS } from './chat.api'
import { backoffMs, contiguousSeq } from './chat.helpers'
import { flushOutbox, setAckListener } from './chat.outbox'
import { applyPoll, useChatStore } from './chat.store'

/** Newest messages first loaded, and each history page. */
export const PAGE_SIZE = 30
// `before` beyond any seq: "the latest page".
const LATEST = 2_147_483_647

let generation = 0
let running = false
let failures = 0
let wake: (() => void) | null = null
let needsReload = true

const set = useChatStore.setState
const get = useChatStore.getState

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      wake = null
      resolve()
    }
    wake = done
  })
}

/** Loads the latest page (first show, or a new conversation). */
async function loadLatest(): Promise<void> {
  if (!get().conversation) set({ status: 'loading' })
  const res = await poll({ before: LATEST, limit: PAGE_SIZE })
  set({ messages: [], conversation: null })
  applyPoll(res, { history: true })
  set({ status: 'ready' })
  needsReload = false
}

async function pollOnce(gen: number): Promise<void> {
  if (needsReload) return loadLatest()
  const s = get()
  const res = await poll({
    after: contiguousSeq(s.messages),
    version: s.conversation?.version,
    wait: POLL_WAIT_SECONDS,
    limit: 100,
  })
  // A poll answered after pause/resume still holds true data; merging is idempotent.
  applyPoll(res)
  if (gen !== generation) return
  await acknowledgeRead()
  if (res.hasMore) return pollOnce(gen)
}

async function loop(gen: number): Promise<void> {
  while (gen === generation && running) {
    try {
      await pollOnce(gen)
      failures = 0
    } catch (e) {
      if (gen !== generation) return
      if (e instanceof ApiError && e.status === 404) {
        // No conversation yet: nothing to wait for until the shopper writes.
        set({ status: 'ready' })
        running = false
        return
      }
      failures += 1
      if (get().status === 'loading') set({ status: 'error' })
      await sleep(backoffMs(failures))
    }
  }
}

/** Marks what the shopper can see as read. */
export async function acknowledgeRead(): Promise<void> {
  const { visible, conversation, messages } = get()
  if (!visible || !conversation) return
  const last = messages[messages.length - 1]?.seq ?? 0
  if (last <= conversation.shopperReadSeq && conversation.unreadCount === 0) return
  set({ conversation: { ...conversation, shopperReadSeq: last, unreadCount: 0 } })
  await markRead(last, conversation.id).catch(() => undefined)
}

/** Starts (or continues) the loop and sends anything waiting in the outbox. */
export function resume(): void {
  watchNetwork()
  void flushOutbox()
  if (running) return wake?.()
  running = true
  failures = 0
  void loop(++generation)
}

/** Stops the loop when the app is hidden; the in-flight poll is left to finish. */
export function pause(): void {
  running = false
  generation += 1
  wake?.()
}

/** Forces the next round to reload the latest page (e.g. after a new conversation began). */
export function reload(): void {
  needsReload = true
  if (running) wake?.()
  else resume()
}

/** Network came back or went away. */
export function setOnline(online: boolean): void {
  if (get().online === online) return
  set({ online })
  if (online) {
    failures = 0
    wake?.()
    void flushOutbox()
  }
}

let watching = false
function watchNetwork(): void {
  if (watching) return
  watching = true
  Taro.onNetworkStatusChange?.((res) => setOnline(res.isConnected))
  // Browsers report connectivity through window events, not the Network Information API.
  if (isH5 && typeof window !== 'undefined') {
    window.addEventListener('online', () => setOnline(true))
    window.addEventListener('offline', () => setOnline(false))
  }
}

setAckListener((m) => {
  const c = get().conversation
  if (!c || c.id !== m.conversationId) reload()
  else wake?.()
})

/** Test hook: forget loop state between tests. */
export function resetRealtime(): void {
  pause()
  needsReload = true
  failures = 0
}
