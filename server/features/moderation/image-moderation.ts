import type { Database } from '../../db/database'
import * as uploads from '../uploads/uploads.repository'
import type { Suggest, WechatSecurityClient } from './wechat-security.client'

type Log = (obj: object, msg: string) => void

/** Called once when an image is found risky, to tell the shopper where the image was sent. */
export type BlockedListener = (uploadId: string) => Promise<void>

export interface ImageModerationDeps {
  db: Database
  /** Null without credentials or PUBLIC_BASE_URL: images are not checked (there is no local check). */
  wechat: WechatSecurityClient | null
  /** Absolute, signed, time-limited URL of an upload that WeChat can fetch. */
  publicUrl: (uploadId: string) => Promise<string>
  info: Log
  warn: Log
}

/**
 * Shoppers' images through WeChat's asynchronous image check: the upload is marked pending with
 * the trace_id, and the verdict pushed later settles it as pass or risky. `review` counts as pass
 * (logged), since a person at WeChat has not called it risky.
 */
export class ImageModeration {
  private readonly listeners: BlockedListener[] = []

  constructor(private readonly deps: ImageModerationDeps) {}

  /** True when shoppers' images are sent to WeChat. */
  get enabled(): boolean {
    return this.deps.wechat !== null
  }

  /** Registers what happens when an image turns out risky. */
  onBlocked(listener: BlockedListener): void {
    this.listeners.push(listener)
  }

  /** Starts WeChat's check of a new upload; a failure leaves the image visible and is logged. */
  async submit(uploadId: string, ownerId: string): Promise<void> {
    const { db, wechat } = this.deps
    if (!wechat) return
    try {
      const owner = await db.selectFrom('users').select('openid').where('id', '=', ownerId).executeTakeFirst()
      if (!owner?.openid) return
      const traceId = await wechat.checkImageAsync(await this.deps.publicUrl(uploadId), owner.openid, 2)
      await uploads.markPending(db, uploadId, traceId)
    } catch (err) {
      this.deps.warn({ err, uploadId }, 'mediaCheckAsync failed; the image stays visible')
    }
  }

  /** Applies a pushed verdict; a repeated or unknown trace_id changes nothing. */
  async settle(traceId: string, suggest: Suggest): Promise<void> {
    if (suggest === 'review') this.deps.info({ traceId }, 'image check suggests review; shown as passed')
    const id = await uploads.settleCheck(this.deps.db, traceId, suggest === 'risky' ? 'risky' : 'pass')
    if (!id || suggest !== 'risky') return
    this.deps.info({ traceId, uploadId: id }, 'image found risky; hidden from agents')
    for (const listener of this.listeners) await listener(id)
  }
}
