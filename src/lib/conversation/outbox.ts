/**
 * Sends an outbox in order, exactly once: each message keeps its clientMsgId across retries
 * and restarts, and the server answers a repeated id with the stored message.
 */
import type { ChatMessage, SendMessageBody } from '@shared/chat'
import type { ConversationApi, ConversationState, OutboxItem } from './conversation.types'
import { backoffMs, type ConversationLike } from './timeline'

/** Failed attempts while online before a message waits for a retry tap. */
export const MAX_ATTEMPTS = 3

interface OutboxContext<C extends ConversationLike> {
  api: ConversationApi<C>
  get: () => ConversationState<C>
  patch: (clientMsgId: string, patch: Partial<OutboxItem>) => void
  /** A message the server stored: merge it (and follow it to a new conversation). */
  onAck: (m: ChatMessage) => void
}

function bodyOf(item: OutboxItem, uploadId?: string): SendMessageBody {
  const body: SendMessageBody = { clientMsgId: item.clientMsgId, kind: item.kind }
  if (item.text) body.text = item.text
  if (item.faqId) body.faqId = item.faqId
  if (item.orderNo) body.orderNo = item.orderNo
  if (uploadId) body.uploadId = uploadId
  return body
}

// Network trouble and server overload pass; any other 4xx means this message will never be accepted.
function isTransient(e: unknown): boolean {
  const status = (e as { status?: unknown } | null)?.status
  return typeof status !== 'number' || status === 0 || status >= 500 || status === 429
}

/** The sender of one conversation client: its timer and its single flush run live in here. */
export function createOutboxSender<C extends ConversationLike>(ctx: OutboxContext<C>) {
  let flushing: Promise<void> | null = null
  let retryTimer: ReturnType<typeof setTimeout> | undefined

  function scheduleRetry(ms: number) {
    clearTimeout(retryTimer)
    retryTimer = setTimeout(() => void flush(), ms)
  }

  async function sendOne(item: OutboxItem): Promise<boolean> {
    ctx.patch(item.clientMsgId, { state: 'sending', error: undefined })
    try {
      let uploadId = item.uploadId
      if (item.kind === 'image' && !uploadId) {
        const up = await ctx.api.upload(item.localPath ?? '', (p) => ctx.patch(item.clientMsgId, { uploadProgress: p }))
        uploadId = up.id
        ctx.patch(item.clientMsgId, { uploadId, imageUrl: up.url, uploadProgress: 100 })
      }
      ctx.onAck(await ctx.api.send(bodyOf(item, uploadId), item.conversationId))
      return true
    } catch (e) {
      const message = (e as Error).message
      if (!isTransient(e)) {
        const blocked = (e as { code?: unknown }).code === 'CONTENT_BLOCKED'
        ctx.patch(item.clientMsgId, { state: 'failed', error: message, blocked })
        return true
      }
      // Offline, the message simply waits for the network; only failures while online count.
      const online = ctx.get().online
      const attempts = online ? item.attempts + 1 : item.attempts
      const failed = attempts >= MAX_ATTEMPTS
      ctx.patch(item.clientMsgId, { state: failed ? 'failed' : 'queued', attempts, error: message })
      if (!failed && online) scheduleRetry(backoffMs(attempts))
      return false
    }
  }

  async function drain(): Promise<void> {
    for (;;) {
      const s = ctx.get()
      const next = s.outbox.find((o) => o.state === 'queued')
      if (!next || !s.online) return
      if (!(await sendOne(next))) return
    }
  }

  /** Sends queued messages one by one, oldest first; concurrent calls share one run. */
  function flush(): Promise<void> {
    flushing ??= drain().finally(() => {
      flushing = null
    })
    return flushing
  }

  return {
    flush,
    /** A retry tap: the message is queued again with a fresh attempt budget. */
    retry(clientMsgId: string): Promise<void> {
      ctx.patch(clientMsgId, { state: 'queued', attempts: 0, error: undefined })
      return flush()
    },
    /** Stops a pending retry (sign-out, tests). */
    cancel(): void {
      clearTimeout(retryTimer)
    },
  }
}
