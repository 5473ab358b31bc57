import type { FastifyBaseLogger } from 'fastify'
import { HttpError } from '../../../plugins/errors'
import { DeliveryError } from '../../notifications/delivery-error'
import { backoffMs } from '../../notifications/notification-worker'
import type { UploadStorage } from '../../uploads/upload-storage'
import { mutate } from '../chat.mutate'
import type { ConversationRow } from '../chat.tables'
import type { KfClient } from './kf.client'
import { replyWindow } from './reply-window'
import { applyInbound, type InboundDeps, type InboundPayload } from './wechat.inbound'
import { collectReplies, deliver, OUTBOX_RETRY } from './wechat.outbound'
import * as repo from './wechat.repository'

const KINDS = new Set(['text', 'image', 'miniprogrampage', 'event'])
const TYPING_EVERY_MS = 10_000
/** Delivery outcomes an agent sees change under a reply. */
const SETTLED = new Set(['sent', 'failed', 'expired', 'limited'])

/** The push fields worth keeping, as text. */
function payloadOf(msg: Record<string, unknown>): InboundPayload {
  const out: InboundPayload = {}
  for (const key of [
    'FromUserName',
    'CreateTime',
    'MsgType',
    'Event',
    'MsgId',
    'Content',
    'PicUrl',
    'MediaId',
    'Title',
    'PagePath',
    'ThumbMediaId',
    'SessionFrom',
  ]) {
    const value = msg[key]
    if (typeof value === 'string' || typeof value === 'number') out[key] = String(value).slice(0, 4000)
  }
  return out
}

/** WeChat's dedupe key: MsgId, else sender + time + event for events (WeChat's retries repeat both). */
export function dedupeKeyOf(p: InboundPayload): string | null {
  if (p.MsgId && /^\d{1,32}$/.test(p.MsgId)) return `msg:${p.MsgId}`
  if (p.MsgType === 'event' && p.CreateTime) return `ev:${p.FromUserName}:${p.CreateTime}:${p.Event ?? ''}`
  return null
}

/**
 * The native WeChat customer-service channel: pushes are stored once, then (asynchronously)
 * put into the shopper's conversation; bot and agent replies go back through custom/send.
 */
export class WechatChannel {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private next: Promise<void> | null = null
  private readonly typingSent = new Map<string, number>()

  constructor(
    private readonly deps: InboundDeps,
    private readonly storage: UploadStorage,
    private readonly log: FastifyBaseLogger,
  ) {}

  private get kf(): KfClient | null {
    return this.deps.kf
  }

  /** Stores a customer-service push (a retry is stored once) and starts working on it. */
  async receive(msg: Record<string, unknown>): Promise<void> {
    const p = payloadOf(msg)
    const key = dedupeKeyOf(p)
    if (!p.FromUserName || p.FromUserName.length > 64 || !key || !KINDS.has(p.MsgType ?? '')) {
      this.log.warn({ msgType: p.MsgType }, 'customer-service push without sender or id; ignored')
      return
    }
    if (await repo.storeInbound(this.deps.chat.db, key, p.FromUserName, p, new Date().toISOString())) this.kick()
  }

  /** Runs the worker soon (after a push or an agent's reply) instead of at the next tick. */
  kick(): void {
    setImmediate(() => void this.runOnce().catch((err: unknown) => this.log.error({ err }, 'wechat channel run failed')))
  }

  /** Polls every `intervalMs` until stop(). */
  start(intervalMs: number): void {
    if (this.timer || intervalMs <= 0) return
    this.timer = setInterval(() => this.kick(), intervalMs)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running?.catch(() => undefined)
  }

  /**
   * Works through stored pushes, queues new replies and delivers what is due; one run at a time.
   * Called during a run, it resolves after a run that starts afterwards (so it sees what was just stored).
   */
  runOnce(): Promise<void> {
    if (!this.running) {
      this.running = this.drain().finally(() => {
        this.running = null
      })
      return this.running
    }
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = null
        return this.runOnce()
      })
    return this.next
  }

  private async drain(): Promise<void> {
    const db = this.deps.chat.db
    for (const row of await repo.dueInbound(db, new Date().toISOString(), 50)) await this.work(row)
    await collectReplies(db, new Date().toISOString())
    if (!this.kf) return
    for (const row of await repo.dueOutbound(db, new Date().toISOString(), 50)) {
      const status = await deliver(db, this.kf, this.storage, row, new Date())
      if (SETTLED.has(status)) await this.announce(row)
    }
  }

  /** Wakes the conversation's long-polls so an open workspace shows the reply's new delivery state. */
  private async announce(row: repo.OutboundRow): Promise<void> {
    await mutate(this.deps.chat, row.conversation_id, async (c, _now, trx) => {
      await repo.markDeliveryVersion(trx, row.id, c.version + 1)
      return { patch: {} }
    })
  }

  private async work(row: repo.InboundRow): Promise<void> {
    const db = this.deps.chat.db
    const now = new Date()
    if (!(await repo.leaseInbound(db, row, new Date(now.getTime() + OUTBOX_RETRY.leaseMs).toISOString()))) return
    try {
      await applyInbound(this.deps, db, row.dedupe_key, JSON.parse(row.payload_json) as InboundPayload)
      await repo.settleInbound(db, row.id, { status: 'done', last_error: null })
    } catch (err) {
      const retry = err instanceof DeliveryError && err.kind === 'retry' && row.attempts + 1 < OUTBOX_RETRY.maxAttempts
      const message = err instanceof Error ? err.message : String(err)
      this.log.warn({ err, key: row.dedupe_key }, 'customer-service push not applied')
      const next = new Date(now.getTime() + backoffMs(row.attempts + 1, OUTBOX_RETRY)).toISOString()
      await repo.settleInbound(
        db,
        row.id,
        retry ? { status: 'pending', next_attempt_at: next, last_error: message } : { status: 'failed', last_error: message },
      )
    }
  }

  /** Refuses (409) a reply WeChat would refuse: outside the window or over its count. */
  async assertCanReply(conv: ConversationRow): Promise<void> {
    if (conv.channel !== 'wechat') return
    // Replies not yet looked at by the worker count too.
    await collectReplies(this.deps.chat.db, new Date().toISOString(), conv.id)
    const used = conv.wechat_window_at ? await repo.repliesSince(this.deps.chat.db, conv.id, conv.wechat_window_at) : 0
    const window = replyWindow(conv.wechat_window_at, conv.wechat_window_kind, used, new Date())
    if (window.open) return
    if (window.repliesLeft === 0 && window.endsAt && new Date(window.endsAt) > new Date()) {
      throw new HttpError(409, 'WECHAT_REPLY_LIMIT', 'WeChat allows no more replies until the shopper writes again.')
    }
    throw new HttpError(409, 'WECHAT_WINDOW_CLOSED', 'WeChat’s reply window for this shopper has closed.')
  }

  /** Shows "typing" in the shopper's WeChat chat, at most every few seconds per conversation. */
  async typing(conv: ConversationRow): Promise<void> {
    if (conv.channel !== 'wechat' || !conv.wechat_openid || !this.kf) return
    const last = this.typingSent.get(conv.id) ?? 0
    if (Date.now() - last < TYPING_EVERY_MS) return
    this.typingSent.set(conv.id, Date.now())
    if (this.typingSent.size > 5000) this.typingSent.clear()
    await this.kf.typing(conv.wechat_openid, 'Typing').catch((err: unknown) => this.log.warn({ err }, 'wechat typing failed'))
  }
}
