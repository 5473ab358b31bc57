/**
 * Pure chat logic: merging server messages, reconciling the outbox, finding gaps, and laying
 * out the timeline. No Taro, no React, so every rule is unit-tested on its own.
 */
import type { ChatMessage, Conversation, OrderCard } from '@shared/chat'

/** Longest message text; the same limit as MAX_MESSAGE_TEXT in types/chat.ts (a schema file the app may not bundle). */
export const MAX_MESSAGE_TEXT = 2000

/** A message the shopper wrote that the server has not acknowledged yet. */
export interface OutboxItem {
  clientMsgId: string
  kind: 'text' | 'image' | 'order'
  text?: string
  faqId?: string
  orderNo?: string
  order?: OrderCard
  /** Local file (temp path or blob: URL) until uploaded. */
  localPath?: string
  uploadId?: string
  imageUrl?: string
  uploadProgress?: number
  createdAt: string
  /** queued: waiting to be sent · sending: in flight · failed: needs a retry tap. */
  state: 'queued' | 'sending' | 'failed'
  attempts: number
  error?: string
  /** Refused by content security (CONTENT_BLOCKED): edit, do not retry. */
  blocked?: boolean
}

/** Merges messages by seq (the server's order), keeping one copy of each. */
export function mergeBySeq(existing: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return existing as ChatMessage[]
  const bySeq = new Map<number, ChatMessage>()
  for (const m of existing) bySeq.set(m.seq, m)
  for (const m of incoming) bySeq.set(m.seq, m)
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}

/** Drops outbox items the server already holds (acked, or seen through a poll after a lost ack). */
export function reconcileOutbox(outbox: readonly OutboxItem[], messages: readonly ChatMessage[]): OutboxItem[] {
  const known = new Set(messages.map((m) => m.clientMsgId).filter(Boolean))
  const next = outbox.filter((o) => !known.has(o.clientMsgId))
  return next.length === outbox.length ? (outbox as OutboxItem[]) : next
}

/**
 * The highest seq up to which the loaded messages have no holes, counting from the first
 * one loaded. Polling resumes after it, so a hole is refilled instead of skipped.
 */
export function contiguousSeq(messages: readonly ChatMessage[], floor = 0): number {
  let last = floor
  for (const m of messages) {
    if (m.seq <= last) continue
    if (last > 0 && m.seq !== last + 1) break
    last = m.seq
  }
  return last
}

/** Seq ranges missing between loaded messages ([from, to] inclusive). */
export function findGaps(messages: readonly ChatMessage[]): Array<[number, number]> {
  const gaps: Array<[number, number]> = []
  for (let i = 1; i < messages.length; i++) {
    const prev = messages[i - 1].seq
    const cur = messages[i].seq
    if (cur > prev + 1) gaps.push([prev + 1, cur - 1])
  }
  return gaps
}

/** True when a conversation snapshot is not older than the one held (versions only grow). */
export function isNewerConversation(held: Conversation | null, next: Conversation): boolean {
  if (!held || held.id !== next.id) return true
  return next.version >= held.version
}

/** A client message id the server accepts (`^[A-Za-z0-9_.:-]+$`), unique per device. */
export function newClientMsgId(now = Date.now(), random = Math.random): string {
  return `m${now.toString(36)}${random().toString(36).slice(2, 10)}${random().toString(36).slice(2, 6)}`
}

/** Messages from the other side that the shopper has not read. */
export function unreadCount(messages: readonly ChatMessage[], readSeq: number): number {
  return messages.filter((m) => m.seq > readSeq && m.sender !== 'shopper' && m.kind !== 'event').length
}

/** Back-off before the next poll after `failures` failed ones: 1 s, 2 s, 4 s … capped, with jitter. */
export function backoffMs(failures: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1))
  return Math.round(base * (0.8 + random() * 0.4))
}
