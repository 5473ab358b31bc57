import type { SendMessageBody } from '../../../types/chat'
import type { Database } from '../../db/database'
import { HttpError } from '../../plugins/errors'
import { assertOrderUsable } from '../orders/orders.service'
import { findOwnedUploads } from '../uploads/uploads.repository'
import type { ChatDeps } from './chat.deps'
import { isUniqueViolation, mutate, type Change, type Draft } from './chat.mutate'
import * as repo from './chat.repository'
import { orderCardFor } from './customer.source'
import type { ConversationRow, MessageRow } from './chat.tables'

/** Who is sending. */
export interface Author {
  id: string
  role: 'shopper' | 'agent'
  displayName: string
}

/**
 * Validates a send body and turns it into a draft; every refusal names the field. An order is
 * checked against `orderOwnerId` (the shopper of the conversation, also when an agent sends it).
 */
export async function draftFrom(db: Database, author: Author, body: SendMessageBody, orderOwnerId: string): Promise<Draft> {
  const base: Draft = {
    sender: author.role,
    senderId: author.id,
    senderName: author.role === 'agent' ? author.displayName : null,
    clientMsgId: body.clientMsgId,
    kind: body.kind,
  }
  if (body.kind === 'text') {
    if (body.text === undefined || body.text.trim() === '') {
      throw new HttpError(400, 'TEXT_REQUIRED', 'body.text: a text message needs some text.', 'body.text')
    }
    return { ...base, text: body.text }
  }
  if (body.kind === 'image') {
    if (!body.uploadId) throw new HttpError(400, 'UPLOAD_REQUIRED', 'body.uploadId: an image message needs an uploadId.', 'body.uploadId')
    const owned = await findOwnedUploads(db, author.id, [body.uploadId])
    if (owned.length === 0) {
      throw new HttpError(400, 'UPLOAD_NOT_FOUND', 'body.uploadId: no such upload of yours; upload the image first.', 'body.uploadId')
    }
    return { ...base, uploadId: body.uploadId, text: body.text?.trim() ? body.text : null }
  }
  const orderNo = body.orderNo?.trim() ?? ''
  await assertOrderUsable(orderOwnerId, orderNo, 'body.orderNo')
  return { ...base, orderNo, order: await orderCardFor(orderOwnerId, orderNo) }
}

/**
 * Appends an author's message exactly once per clientMsgId: a retry (also a concurrent one)
 * gets the stored message back. The id is looked up once before anything else, so a retry
 * never opens a conversation (`target` is resolved only for a new message), and once more
 * under the conversation's lock for a concurrent twin. `guard` refuses (throws) when the
 * author may not post now; `follow` adds what happens next in the same transaction.
 */
export async function sendOnce(
  deps: ChatDeps,
  target: string | (() => Promise<string>),
  author: Author,
  draft: Draft,
  guard: (conv: ConversationRow) => void,
  follow?: (conv: ConversationRow, now: string) => Change | null,
): Promise<MessageRow> {
  const clientMsgId = draft.clientMsgId!
  const prior = await repo.findMessageBySender(deps.db, author.id, clientMsgId)
  if (prior) return prior
  const conversationId = typeof target === 'string' ? target : await target()
  let existing: MessageRow | undefined
  try {
    const applied = await mutate(deps, conversationId, async (conv, now, trx) => {
      existing = await repo.findMessageByClientId(trx, conv.id, clientMsgId)
      if (existing) return null
      guard(conv)
      const next = follow?.(conv, now)
      const typingColumn = author.role === 'shopper' ? 'shopper_typing_until' : 'agent_typing_until'
      return { messages: [draft, ...(next?.messages ?? [])], patch: { [typingColumn]: null, ...next?.patch } }
    })
    if (applied) return applied.messages[0]
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    existing = await repo.findMessageByClientId(deps.db, conversationId, clientMsgId)
  }
  if (!existing) throw new HttpError(409, 'SEND_CONFLICT', 'The message could not be stored; send it again.')
  if (existing.sender_id !== author.id) {
    throw new HttpError(409, 'CLIENT_MSG_ID_TAKEN', 'body.clientMsgId: already used by another sender; make a new one.', 'body.clientMsgId')
  }
  return existing
}
