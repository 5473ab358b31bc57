import crypto from 'node:crypto'
import type { Transaction } from 'kysely'
import type { BotMeta, ChatEvent, OrderCard, PageCard } from '../../../types/chat'
import type { DB } from '../../db/schema'
import { HttpError } from '../../plugins/errors'
import type { ChatDeps } from './chat.deps'
import * as repo from './chat.repository'
import { systemOfEvent } from './chat.texts'
import type { ConversationRow, MessageRow } from './chat.tables'

/** A message to append; seq, id and time are assigned under the conversation's lock. */
export interface Draft {
  sender: MessageRow['sender']
  kind: MessageRow['kind']
  senderId?: string | null
  senderName?: string | null
  clientMsgId?: string | null
  text?: string | null
  uploadId?: string | null
  orderNo?: string | null
  order?: OrderCard | null
  meta?: BotMeta | null
  event?: ChatEvent | null
  origin?: MessageRow['origin']
  /** A page card sent through WeChat; kept in meta_json (shopper messages carry no bot meta). */
  card?: PageCard | null
}

/** What a command decided: messages to append and columns to change. */
export interface Change {
  messages?: Draft[]
  patch?: Partial<ConversationRow>
  /** Set false for changes no client needs to hear about (nothing is published, version unchanged). */
  visible?: boolean
}

export interface Applied {
  conv: ConversationRow
  messages: MessageRow[]
}

function systemColumns(d: Draft): Pick<MessageRow, 'system_code' | 'system_params_json'> {
  if (d.sender !== 'system') return { system_code: null, system_params_json: null }
  const system = d.event ? systemOfEvent(d.event) : { code: 'legacy', params: {} }
  return { system_code: system.code, system_params_json: JSON.stringify(system.params) }
}

function toRow(conv: ConversationRow, d: Draft, seq: number, now: string): MessageRow {
  return {
    id: crypto.randomUUID(),
    conversation_id: conv.id,
    seq,
    client_msg_id: d.clientMsgId ?? null,
    sender: d.sender,
    sender_id: d.senderId ?? null,
    sender_name: d.senderName ?? null,
    kind: d.kind,
    text: d.text ?? null,
    upload_id: d.uploadId ?? null,
    order_no: d.orderNo ?? null,
    order_json: d.order ? JSON.stringify(d.order) : null,
    meta_json: d.meta ? JSON.stringify(d.meta) : d.card ? JSON.stringify({ card: d.card }) : null,
    event_json: d.event ? JSON.stringify(d.event) : null,
    created_at: now,
    ...systemColumns(d),
    origin: d.origin ?? null,
  }
}

/**
 * Runs `decide` on the conversation under its row lock and applies the result in the same
 * transaction: messages get the next seqs (so seq is gapless and race-free on both dialects),
 * the version is bumped, then every waiting long-poll — here and on other instances — is woken.
 * `decide` returns null when nothing changes; it may throw HttpError to refuse.
 */
export async function mutate(
  deps: ChatDeps,
  conversationId: string,
  decide: (conv: ConversationRow, now: string, trx: Transaction<DB>) => Change | null | Promise<Change | null>,
): Promise<Applied | null> {
  const result = await deps.db.transaction().execute(async (trx) => {
    const conv = await repo.lockConversation(trx, conversationId)
    if (!conv) throw new HttpError(404, 'CONVERSATION_NOT_FOUND', 'No such conversation.')
    const now = new Date().toISOString()
    const change = await decide(conv, now, trx)
    if (!change) return null
    const drafts = change.messages ?? []
    const rows = drafts.map((d, i) => toRow(conv, d, conv.last_seq + 1 + i, now))
    const visible = change.visible !== false
    const next: ConversationRow = {
      ...conv,
      ...change.patch,
      last_seq: conv.last_seq + rows.length,
      version: conv.version + (visible ? 1 : 0),
      ...(rows.length > 0 ? { last_activity_at: now } : {}),
    }
    await repo.updateConversation(trx, conv.id, { ...diff(conv, next) })
    await repo.insertMessages(trx, rows)
    return { conv: next, messages: rows, visible }
  })
  if (!result) return null
  if (result.visible) deps.bus.publish(conversationId, result.conv.last_seq)
  return { conv: result.conv, messages: result.messages }
}

function diff(before: ConversationRow, after: ConversationRow): Partial<ConversationRow> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(after) as (keyof ConversationRow)[]) {
    if (after[key] !== before[key]) out[key] = after[key]
  }
  return out as Partial<ConversationRow>
}

/** True for a unique-constraint violation on either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string } | null
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
