/**
 * In-process event bus for chat: a change to a conversation wakes the long-polls waiting on it.
 * Events carry no data; waiters re-read the database, so a lost event only delays a reader.
 */

/** Why a wait ended. */
export type WakeReason = 'event' | 'timeout' | 'aborted' | 'closing'

/** Channel that fires on every conversation's change (the agent inbox waits on it). */
export const ANY_CONVERSATION = '*'

/** Channel that fires when a shopper gets a new conversation (other tabs follow it). */
export function shopperChannel(shopperId: string): string {
  return `shopper:${shopperId}`
}

/** Carries events to other instances (PostgreSQL NOTIFY); absent on a single instance. */
export interface RemoteTransport {
  notify(conversationId: string, seq: number): void
  close(): Promise<void>
}

/** A registration made before reading, so an event between the read and the wait is not missed. */
export interface Watch {
  /** Resolves on the next event (at once if one already came), after `ms`, on abort, or at shutdown. */
  wait(ms: number, signal?: AbortSignal): Promise<WakeReason>
  cancel(): void
}

export class ChatEventBus {
  private readonly waiters = new Map<string, Set<(reason: WakeReason) => void>>()
  private closing = false
  private remote: RemoteTransport | null = null
  private readonly running = new Set<Promise<unknown>>()

  /** Plugs in the cross-instance transport. */
  attach(remote: RemoteTransport): void {
    this.remote = remote
  }

  get isClosing(): boolean {
    return this.closing
  }

  /** Announces a change here and, when attached, to every other instance. */
  publish(conversationId: string, seq: number): void {
    this.deliver(conversationId)
    this.remote?.notify(conversationId, seq)
  }

  /** Wakes local waiters of a conversation (and of the any-conversation channel). */
  deliver(conversationId: string): void {
    this.fire(conversationId, 'event')
    if (conversationId !== ANY_CONVERSATION) this.fire(ANY_CONVERSATION, 'event')
  }

  /** Wakes every waiter, e.g. after the cross-instance link was down and events may be lost. */
  wakeAll(): void {
    for (const key of [...this.waiters.keys()]) this.fire(key, 'event')
  }

  /** Starts watching a conversation (or ANY_CONVERSATION). Always cancel it when done. */
  watch(key: string): Watch {
    let fired: WakeReason | null = this.closing ? 'closing' : null
    let resolveWait: ((reason: WakeReason) => void) | null = null
    const set = this.waiters.get(key) ?? new Set()
    this.waiters.set(key, set)
    const onEvent = (reason: WakeReason) => {
      fired ??= reason
      resolveWait?.(reason)
    }
    set.add(onEvent)
    const cancel = () => {
      set.delete(onEvent)
      if (set.size === 0 && this.waiters.get(key) === set) this.waiters.delete(key)
    }
    const wait = (ms: number, signal?: AbortSignal) =>
      new Promise<WakeReason>((resolve) => {
        if (fired) return resolve(fired)
        if (signal?.aborted) return resolve('aborted')
        const finish = (reason: WakeReason) => {
          clearTimeout(timer)
          signal?.removeEventListener('abort', onAbort)
          resolveWait = null
          resolve(reason)
        }
        const onAbort = () => finish('aborted')
        const timer = setTimeout(() => finish('timeout'), Math.max(0, ms))
        signal?.addEventListener('abort', onAbort, { once: true })
        resolveWait = finish
      })
    return { wait, cancel }
  }

  /** Keeps count of a long-poll in progress so shutdown can let it answer first. */
  async track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work)
    try {
      return await work
    } finally {
      this.running.delete(work)
    }
  }

  /** Live registrations; zero when no long-poll is waiting. */
  listenerCount(): number {
    let n = 0
    for (const set of this.waiters.values()) n += set.size
    return n
  }

  /**
   * Releases every waiter at once, lets the released long-polls finish answering (they read
   * the database once more), then stops the transport.
   */
  async close(): Promise<void> {
    this.closing = true
    for (const key of [...this.waiters.keys()]) this.fire(key, 'closing')
    await Promise.allSettled([...this.running])
    await this.remote?.close()
    this.remote = null
  }

  private fire(key: string, reason: WakeReason): void {
    const set = this.waiters.get(key)
    if (!set) return
    for (const fn of [...set]) fn(reason)
  }
}
