import type { Database } from '../../../db/database'
import { DeliveryError } from '../../notifications/delivery-error'
import { backoffMs } from '../../notifications/notification-worker'
import type { UploadStorage } from '../../uploads/upload-storage'
import { findUpload } from '../../uploads/uploads.repository'
import * as chatRepo from '../chat.repository'
import type { MessageRow } from '../chat.tables'
import type { CustomMessage, KfClient } from './kf.client'
import { replyWindow } from './reply-window'
import * as repo from './wechat.repository'

/** Retry settings of the outbox; WeChat's -1 (busy) and network errors are retried. */
export const OUTBOX_RETRY = { maxAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 120_000, leaseMs: 60_000 }

const SENDERS = new Set<MessageRow['sender']>(['bot', 'agent'])

/** Queues, once each, the bot and agent messages of WeChat conversations not yet looked at. */
export async function collectReplies(db: Database, now: string, conversationId?: string): Promise<number> {
  let query = db.selectFrom('chat_conversations').selectAll().where('channel', '=', 'wechat').whereRef('last_seq', '>', 'wechat_out_seq')
  if (conversationId) query = query.where('id', '=', conversationId)
  const convs = await query.limit(50).execute()
  let queued = 0
  for (const conv of convs) {
    const messages = await chatRepo.listMessagesAfter(db, conv.id, conv.wechat_out_seq, 200)
    for (const m of messages) {
      if (!SENDERS.has(m.sender) || !conv.wechat_openid || (m.kind !== 'text' && m.kind !== 'image')) continue
      await repo.enqueueOutbound(db, conv.id, m.id, conv.wechat_openid, now)
      queued++
    }
    const upTo = messages.at(-1)?.seq ?? conv.last_seq
    await db
      .updateTable('chat_conversations')
      .set({ wechat_out_seq: upTo })
      .where('id', '=', conv.id)
      .where('wechat_out_seq', '=', conv.wechat_out_seq)
      .execute()
  }
  return queued
}

async function readAll(storage: UploadStorage, key: string): Promise<Buffer> {
  const stream = await storage.open(key)
  if (!stream) throw new DeliveryError('rejected', 'the image file is gone')
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

async function toCustomMessage(db: Database, kf: KfClient, storage: UploadStorage, m: MessageRow, openid: string): Promise<CustomMessage> {
  if (m.kind === 'image' && m.upload_id) {
    const upload = await findUpload(db, m.upload_id)
    if (!upload) throw new DeliveryError('rejected', 'the image upload is gone')
    const mediaId = await kf.uploadImage(await readAll(storage, upload.storage_key), upload.content_type, upload.filename)
    return { touser: openid, msgtype: 'image', image: { media_id: mediaId } }
  }
  return { touser: openid, msgtype: 'text', text: { content: m.text ?? '' } }
}

/** Where a row ends after WeChat's answer: errcode → status, or a retry. */
function outcomeOf(errcode: number): repo.OutboundRow['status'] | 'retry' {
  if (errcode === 0) return 'sent'
  if (errcode === 45015) return 'expired'
  if (errcode === 45047) return 'limited'
  if (errcode === -1 || errcode === 40001 || errcode === 42001) return 'retry'
  return 'failed'
}

/** Sends one due row through custom/send, at most once; returns its new status. */
export async function deliver(db: Database, kf: KfClient, storage: UploadStorage, row: repo.OutboundRow, now: Date): Promise<string> {
  const at = now.toISOString()
  if (row.status === 'sending') {
    // A send was interrupted after it may have reached WeChat: never sent twice.
    await repo.settleOutbound(db, row.id, { status: 'failed', last_error: 'interrupted; not resent' })
    return 'failed'
  }
  if (!(await repo.claimOutbound(db, row, new Date(now.getTime() + OUTBOX_RETRY.leaseMs).toISOString()))) return 'taken'
  const conv = await chatRepo.findConversation(db, row.conversation_id)
  const message = await db.selectFrom('chat_messages').selectAll().where('id', '=', row.message_id).executeTakeFirst()
  if (!conv || !message) {
    await repo.settleOutbound(db, row.id, { status: 'failed', last_error: 'message gone' })
    return 'failed'
  }
  const sent = conv.wechat_window_at ? await repo.repliesSince(db, conv.id, conv.wechat_window_at, false) : 0
  const window = replyWindow(conv.wechat_window_at, conv.wechat_window_kind, sent, now)
  if (!window.open) {
    const status = window.repliesLeft === 0 ? 'limited' : 'expired'
    await repo.settleOutbound(db, row.id, { status, last_error: 'outside WeChat’s reply window; not sent' })
    return status
  }
  try {
    const answer = await kf.sendCustom(await toCustomMessage(db, kf, storage, message, row.openid))
    const outcome = outcomeOf(answer.errcode)
    if (outcome !== 'retry') {
      await repo.settleOutbound(db, row.id, {
        status: outcome,
        errcode: answer.errcode,
        last_error: answer.errcode ? answer.errmsg : null,
        sent_at: outcome === 'sent' ? at : null,
      })
      return outcome
    }
    throw new DeliveryError('retry', `WeChat answered ${answer.errcode}: ${answer.errmsg}`)
  } catch (err) {
    const e = err instanceof DeliveryError ? err : new DeliveryError('ambiguous', String(err))
    const attempt = row.attempts + 1
    if (e.kind === 'retry' && attempt < OUTBOX_RETRY.maxAttempts) {
      const next = new Date(now.getTime() + backoffMs(attempt, OUTBOX_RETRY)).toISOString()
      await repo.settleOutbound(db, row.id, { status: 'pending', next_attempt_at: next, last_error: e.message })
      return 'retry'
    }
    await repo.settleOutbound(db, row.id, { status: 'failed', last_error: e.message })
    return 'failed'
  }
}
