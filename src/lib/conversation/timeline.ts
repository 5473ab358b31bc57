/**
 * Pure conversation logic shared by the shopper's chat and the agent workspace: merging server
 * messages, reconciling the outbox, finding gaps, ids and back-off. No Taro, no React.
 */
import type { ChatMessage } from '@shared/chat'
import type { OutboxItem } from './conversation.types'

/** What the timeline needs to know about a conversation snapshot (both viewers' DTOs have it). */
export interface ConversationLike {
  id: string
  version: number
  createdAt: string
}

/** Merges messages of one conversation by seq (the server's order), keeping one copy of each. */
export function mergeBySeq(existing: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return existing as ChatMessage[]
  const bySeq = new Map<number, ChatMessage>()
  for (const m of existing) bySeq.set(m.seq, m)
  for (const m of incoming) bySeq.set(m.seq, m)
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq)
}

/**
 * Merges messages into the threads they belong to: a message only ever joins the timeline of
 * its own conversation, so seq 1 of a new conversation never replaces seq 1 of an ended one.
 */
export function mergeIntoThreads(
  threads: Readonly<Record<string, ChatMessage[]>>,
  incoming: readonly ChatMessage[],
): Record<string, ChatMessage[]> {
  if (incoming.length === 0) return threads as Record<string, ChatMessage[]>
  const next = { ...threads }
  const byConversation = new Map<string, ChatMessage[]>()
  for (const m of incoming) byConversation.set(m.conversationId, [...(byConversation.get(m.conversationId) ?? []), m])
  for (const [id, messages] of byConversation) next[id] = mergeBySeq(next[id] ?? [], messages)
  return next
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

/** True when a snapshot of the same conversation is not older than the one held (versions only grow). */
export function isNewerSnapshot(held: ConversationLike | undefined, next: ConversationLike): boolean {
  return !held || held.id !== next.id || next.version >= held.version
}

/**
 * True when `next` is a later conversation than the one shown: one the client never saw, or one
 * started after it. A late answer about an earlier conversation never takes the screen back.
 */
export function isLaterConversation(
  known: Readonly<Record<string, ConversationLike>>,
  currentId: string | null,
  next: ConversationLike,
): boolean {
  if (!currentId || currentId === next.id) return true
  const held = known[currentId]
  if (!held) return !(next.id in known)
  return next.createdAt > held.createdAt
}

/** A client message id the server accepts (`^[A-Za-z0-9_.:-]+$`), unique per device. */
export function newClientMsgId(now = Date.now(), random = Math.random): string {
  return `m${now.toString(36)}${random().toString(36).slice(2, 10)}${random().toString(36).slice(2, 6)}`
}

/** True for a message written by the other side (what the viewer reads and marks read). */
export function isFromPeer(m: ChatMessage, viewer: 'shopper' | 'agent'): boolean {
  if (m.kind === 'event') return false
  return viewer === 'shopper' ? m.sender !== 'shopper' : m.sender === 'shopper'
}

/** Messages from the other side that the viewer has not read. */
export function unreadCount(messages: readonly ChatMessage[], readSeq: number, viewer: 'shopper' | 'agent' = 'shopper'): number {
  return messages.filter((m) => m.seq > readSeq && isFromPeer(m, viewer)).length
}

/** Back-off before the next try after `failures` failed ones: 1 s, 2 s, 4 s … capped, with jitter. */
export function backoffMs(failures: number, random = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1))
  return Math.round(base * (0.8 + random() * 0.4))
}
