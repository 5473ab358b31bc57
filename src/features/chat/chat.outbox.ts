/**
 * Sends the outbox in order, exactly once: each message keeps its clientMsgId across retries
 * and restarts, and the server answers a repeated id with the stored message.
 */
import type { ApiError } from '@/lib/http'
import type { ChatMessage, SendMessageBody } from '@shared/chat'
import { sendMessage, uploadImage } from './chat.api'
import { backoffMs, type OutboxItem } from './chat.helpers'
import { applyMessages, patchOutbox, useChatStore } from './chat.store'

/** Failed attempts while online before a message waits for a retry tap. */
export const MAX_ATTEMPTS = 3

let flushing: Promise<void> | null = null
let retryTimer: ReturnType<typeof setTimeout> | undefined
let onAck: (m: ChatMessage) => void = () => undefined

/** Lets the realtime loop hear about acks (a new conversation may have started). */
export function setAckListener(fn: (m: ChatMessage) => void): void {
  onAck = fn
}

function bodyOf(item: OutboxItem, uploadId?: string): SendMessageBody {
  const body: SendMessageBody = { clientMsgId: item.clientMsgId, kind: item.kind }
  if (item.text) body.text = item.text
  if (item.faqId) body.faqId = item.faqId
  if (item.orderNo) body.orderNo = item.orderNo
  if (uploadId) body.uploadId = uploadId
  return body
}

// Network trouble and server overload pass; a 4xx means this message will never be accepted.
function isTransient(e: unknown): boolean {
  const status = (e as Partial<ApiError> | null)?.status
  return typeof status !== 'number' || status === 0 || status >= 500 || status === 429
}

async function sendOne(item: OutboxItem): Promise<boolean> {
  patchOutbox(item.clientMsgId, { state: 'sending', error: undefined })
  try {
    let uploadId = item.uploadId
    if (item.kind === 'image' && !uploadId) {
      const up = await uploadImage(item.localPath ?? '', (p) => patchOutbox(item.clientMsgId, { uploadProgress: p }))
      uploadId = up.id
      patchOutbox(item.clientMsgId, { uploadId, imageUrl: up.url, uploadProgress: 100 })
    }
    const message = await sendMessage(bodyOf(item, uploadId))
    onAck(message)
    applyMessages([message])
    return true
  } catch (e) {
    if (!isTransient(e)) {
      const blocked = (e as Partial<ApiError>).code === 'CONTENT_BLOCKED'
      patchOutbox(item.clientMsgId, { state: 'failed', error: (e as Error).message, blocked })
      return true
    }
    const { online } = useChatStore.getState()
    // Offline, the message simply waits for the network; only failures while online count.
    const attempts = online ? item.attempts + 1 : item.attempts
    const failed = attempts >= MAX_ATTEMPTS
    patchOutbox(item.clientMsgId, { state: failed ? 'failed' : 'queued', attempts, error: (e as Error).message })
    if (!failed && online) scheduleRetry(backoffMs(attempts))
    return false
  }
}

function scheduleRetry(ms: number) {
  clearTimeout(retryTimer)
  retryTimer = setTimeout(() => void flushOutbox(), ms)
}

async function drain(): Promise<void> {
  for (;;) {
    const s = useChatStore.getState()
    const next = s.outbox.find((o) => o.state === 'queued')
    if (!next || !s.online) return
    if (!(await sendOne(next))) return
  }
}

/** Sends queued messages one by one, oldest first; concurrent calls share one run. */
export function flushOutbox(): Promise<void> {
  if (!flushing) {
    flushing = drain().finally(() => {
      flushing = null
    })
  }
  return flushing
}

/** A retry tap: the message is queued again with a fresh attempt budget. */
export function retryMessage(clientMsgId: string): Promise<void> {
  patchOutbox(clientMsgId, { state: 'queued', attempts: 0, error: undefined })
  return flushOutbox()
}

/** Stops pending retries (tests, sign-out). */
export function cancelOutboxTimers(): void {
  clearTimeout(retryTimer)
}
