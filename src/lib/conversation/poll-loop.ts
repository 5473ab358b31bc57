/**
 * The one long-poll loop of a conversation client: started when the screen shows, paused when
 * hidden, catching up from the last contiguous seq, backing off with jitter on errors.
 */
import { POLL_WAIT_SECONDS, MAX_POLL_LIMIT } from '@shared/chat-data'
import type { ConversationApi, ConversationState, PollQuery, PollResult } from './conversation.types'
import { backoffMs, contiguousSeq, type ConversationLike } from './timeline'

// `before` beyond any seq: "the latest page".
const LATEST = 2_147_483_647
const ABORTED = new Error('poll aborted')

interface LoopContext<C extends ConversationLike> {
  api: ConversationApi<C>
  pageSize: number
  get: () => ConversationState<C>
  set: (patch: Partial<ConversationState<C>>) => void
  /** Which conversation to ask about; undefined lets the server pick the shopper's current one. */
  target: () => string | undefined
  apply: (res: PollResult<C>, history: boolean) => void
  afterPoll: () => Promise<void>
  /** A refusal that no retry can fix (404, 401, 403): stop and say so. */
  isFinal: (status: number) => boolean
}

function statusOf(e: unknown): number {
  const status = (e as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : 0
}

/** A loop bound to one client; all its state lives in this closure. */
export function createPollLoop<C extends ConversationLike>(ctx: LoopContext<C>) {
  let generation = 0
  let running = false
  let failures = 0
  let needsReload = true
  let wake: (() => void) | null = null
  let abortInFlight: (() => void) | null = null

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer)
        wake = null
        resolve()
      }
      const timer = setTimeout(done, ms)
      wake = done
    })

  // The loop stops waiting at once on abort, whether or not the transport can cancel the request.
  const call = (q: PollQuery) =>
    new Promise<PollResult<C>>((resolve, reject) => {
      let task: { abort: () => void } | null = null
      abortInFlight = () => {
        task?.abort()
        reject(ABORTED)
      }
      ctx.api.poll(q, (t) => (task = t)).then(resolve, reject)
    })

  async function loadLatest(): Promise<void> {
    if (!ctx.get().currentId) ctx.set({ status: 'loading' })
    const res = await call({ conversationId: ctx.target(), before: LATEST, limit: ctx.pageSize })
    needsReload = false
    ctx.apply(res, true)
    ctx.set({ status: 'ready', error: null })
    await ctx.afterPoll()
  }

  async function pollOnce(gen: number): Promise<void> {
    if (needsReload) return loadLatest()
    const s = ctx.get()
    const id = s.currentId
    const res = await call({
      conversationId: ctx.target(),
      after: contiguousSeq(id ? (s.threads[id] ?? []) : []),
      version: id ? s.conversations[id]?.version : undefined,
      wait: POLL_WAIT_SECONDS,
      limit: MAX_POLL_LIMIT,
    })
    // An answer that arrives after a pause still holds true data; merging is idempotent.
    ctx.apply(res, false)
    ctx.set({ error: null })
    if (gen !== generation) return
    await ctx.afterPoll()
    if (res.hasMore) return pollOnce(gen)
  }

  async function loop(gen: number): Promise<void> {
    while (gen === generation && running) {
      try {
        await pollOnce(gen)
        failures = 0
      } catch (e) {
        abortInFlight = null
        if (gen !== generation) return
        if (e === ABORTED) continue
        const status = statusOf(e)
        if (ctx.isFinal(status)) {
          running = false
          ctx.set({ status: 'ready', refused: { status, message: (e as Error).message } })
          return
        }
        failures += 1
        ctx.set({ error: (e as Error).message, ...(ctx.get().status === 'loading' ? { status: 'error' as const } : {}) })
        await sleep(backoffMs(failures))
      } finally {
        abortInFlight = null
      }
    }
  }

  function resume(): void {
    if (running) return wake?.()
    running = true
    failures = 0
    ctx.set({ refused: null })
    void loop(++generation)
  }

  return {
    resume,
    /** Stops the loop (screen hidden, conversation closed); the request in flight is dropped. */
    pause(): void {
      running = false
      generation += 1
      abortInFlight?.()
      wake?.()
    },
    /** Reloads the latest page at once, dropping a long-poll that waits on the old state. */
    reload(): void {
      needsReload = true
      if (!running) return resume()
      abortInFlight?.()
      wake?.()
    },
    /** Cuts a back-off short (network came back, a message was acked). */
    wake(): void {
      failures = 0
      wake?.()
    },
    get running() {
      return running
    },
  }
}
