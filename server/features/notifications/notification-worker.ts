import type { NotificationChannel } from '../../../types/notification'
import type { Database } from '../../db/database'
import type { Channel } from './channels'
import { DeliveryError } from './delivery-error'
import * as delivery from './delivery.repository'
import { enqueueFallback, type OutboxRow } from './notifications.repository'

/** The order channels are tried in; a later one is used only when an earlier one cannot deliver. */
export const CHANNEL_CHAIN: NotificationChannel[] = ['wechat', 'email', 'sms']

export interface WorkerOptions {
  /** How long a claimed row belongs to its sender before it counts as interrupted. */
  leaseMs: number
  maxAttempts: number
  baseDelayMs: number
  maxDelayMs: number
  batch: number
}

export const DEFAULT_WORKER_OPTIONS: WorkerOptions = {
  leaseMs: 120_000,
  maxAttempts: 6,
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  batch: 50,
}

export interface RunResult {
  sent: number
  retried: number
  failed: number
  skipped: number
  unconfirmed: number
}

/** Exponential backoff with ±20 % jitter so many failures do not retry in lockstep. */
export function backoffMs(attempt: number, opts: Pick<WorkerOptions, 'baseDelayMs' | 'maxDelayMs'>, random = Math.random): number {
  const delay = Math.min(opts.baseDelayMs * 2 ** Math.max(attempt - 1, 0), opts.maxDelayMs)
  return Math.round(delay * (0.8 + 0.4 * random()))
}

/** Delivers the notification outbox: claims due rows, sends, records, retries, falls back. */
export class NotificationWorker {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<RunResult> | null = null
  private readonly channels: Map<NotificationChannel, Channel>

  constructor(
    private readonly db: Database,
    channels: Channel[],
    private readonly onError: (err: unknown) => void,
    private readonly opts: WorkerOptions = DEFAULT_WORKER_OPTIONS,
  ) {
    this.channels = new Map(channels.map((c) => [c.name, c]))
  }

  /** Polls every `intervalMs` until stop(). */
  start(intervalMs: number): void {
    if (this.timer || intervalMs <= 0) return
    this.timer = setInterval(() => void this.runOnce().catch(this.onError), intervalMs)
    this.timer.unref()
  }

  /** Stops polling and waits for a delivery in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running?.catch(() => undefined)
  }

  /** Delivers everything due at `now` (fallbacks included); one run at a time per worker. */
  runOnce(now: Date = new Date()): Promise<RunResult> {
    this.running ??= this.drain(now).finally(() => {
      this.running = null
    })
    return this.running
  }

  private async drain(now: Date): Promise<RunResult> {
    const result: RunResult = { sent: 0, retried: 0, failed: 0, skipped: 0, unconfirmed: 0 }
    for (let round = 0; round < 10; round++) {
      const rows = await delivery.findDue(this.db, now.toISOString(), this.opts.batch)
      let handled = 0
      for (const row of rows) if (await this.handle(row, now, result)) handled++
      if (handled === 0 || rows.length === 0) break
    }
    return result
  }

  private async handle(row: OutboxRow, now: Date, result: RunResult): Promise<boolean> {
    const at = now.toISOString()
    if (row.status === 'sending') {
      const abandoned = await delivery.abandon(this.db, row, at)
      if (abandoned) result.unconfirmed++
      return abandoned
    }
    if (!(await delivery.claim(this.db, row, new Date(now.getTime() + this.opts.leaseMs).toISOString()))) return false
    const attempt = row.attempts + 1
    try {
      const channel = this.channels.get(row.channel)
      if (!channel) throw new DeliveryError('unreachable', `no ${row.channel} channel`)
      await channel.send(row)
      await delivery.finish(this.db, row.id, 'sent', at, null)
      result.sent++
    } catch (err) {
      await this.recordFailure(row, attempt, err, now, result)
    }
    return true
  }

  private async recordFailure(row: OutboxRow, attempt: number, err: unknown, now: Date, result: RunResult): Promise<void> {
    const at = now.toISOString()
    const e = err instanceof DeliveryError ? err : new DeliveryError('ambiguous', err instanceof Error ? err.message : String(err))
    if (e.kind === 'ambiguous') {
      await delivery.finish(this.db, row.id, 'unconfirmed', at, e.message)
      result.unconfirmed++
      return
    }
    if (e.kind === 'retry' && attempt < this.opts.maxAttempts) {
      await delivery.retryLater(this.db, row.id, new Date(now.getTime() + backoffMs(attempt, this.opts)).toISOString(), e.message)
      result.retried++
      return
    }
    const status = e.kind === 'unreachable' ? 'skipped' : 'failed'
    await delivery.finish(this.db, row.id, status, at, e.message)
    result[status]++
    const next = CHANNEL_CHAIN[CHANNEL_CHAIN.indexOf(row.channel) + 1]
    if (next) await enqueueFallback(this.db, row, next, at)
  }
}
