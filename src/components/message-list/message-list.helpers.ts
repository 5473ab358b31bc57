/** Pure layout of a conversation for the message list: rows, read marks, text segments. */
import type { ChatMessage, OrderCard } from '@shared/chat'

/** Whose screen the list is on: that side's messages are "mine". */
export type Viewer = 'shopper' | 'agent'

/** A message this side sent that the server has not confirmed yet (shopper outbox or agent send). */
export interface PendingMessage {
  clientMsgId: string
  kind: 'text' | 'image' | 'order'
  text?: string
  order?: OrderCard
  /** Local file (temp path or blob: URL) until uploaded. */
  localPath?: string
  imageUrl?: string
  uploadProgress?: number
  createdAt: string
  /** queued: waiting for the network or its turn · sending: in flight · failed: needs a retry tap. */
  state: 'queued' | 'sending' | 'failed'
  /** Why it failed, in the viewer's language. */
  error?: string
  /** Refused by content security: a retry would fail again, so the text goes back to the composer. */
  blocked?: boolean
}

export type Row =
  | { type: 'time'; key: string; at: string }
  | { type: 'message'; key: string; message: ChatMessage; read: boolean }
  | { type: 'pending'; key: string; item: PendingMessage }

/** Minutes of silence after which a time separator is shown. */
export const TIME_GAP_MINUTES = 5

/**
 * Rows in display order: time separators, messages (the viewer's own ones marked read up to
 * `peerReadSeq`), then unsent messages.
 */
export function buildRows(
  messages: readonly ChatMessage[],
  pending: readonly PendingMessage[],
  peerReadSeq: number,
  viewer: Viewer = 'shopper',
): Row[] {
  const rows: Row[] = []
  let lastAt = 0
  const stamp = (iso: string, key: string) => {
    const at = Date.parse(iso)
    if (!lastAt || at - lastAt > TIME_GAP_MINUTES * 60_000) rows.push({ type: 'time', key: `t-${key}`, at: iso })
    lastAt = at
  }
  for (const m of messages) {
    stamp(m.createdAt, m.id)
    rows.push({ type: 'message', key: m.id, message: m, read: m.sender === viewer && m.seq <= peerReadSeq })
  }
  for (const o of pending) {
    stamp(o.createdAt, o.clientMsgId)
    rows.push({ type: 'pending', key: o.clientMsgId, item: o })
  }
  return rows
}

export type Segment = { type: 'text' | 'url' | 'order'; value: string }

// URLs up to whitespace or CJK punctuation; digit runs are order numbers when 16–20 long.
// (No lookbehind: older WeChat JS engines reject it when parsing the bundle.)
const TOKEN = /(https?:\/\/[^\s\u3000-\u303f\uff00-\uffef<>"]+)|(\d{16,})/g

/** Splits message text so URLs and order numbers can be shown (as text) and tapped to copy. */
export function segmentText(text: string): Segment[] {
  const out: Segment[] = []
  let at = 0
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const i = m.index
    if (m[2] && m[2].length > 20) continue
    if (i > at) out.push({ type: 'text', value: text.slice(at, i) })
    out.push({ type: m[1] ? 'url' : 'order', value: m[0] })
    at = i + m[0].length
  }
  if (at < text.length) out.push({ type: 'text', value: text.slice(at) })
  return out
}

/** Uploads named by an image_blocked notice: a bubble already on screen turns into the placeholder. */
export function blockedImages(messages: readonly ChatMessage[]): Set<string> {
  const ids = new Set<string>()
  for (const m of messages) if (m.event?.type === 'image_blocked' && m.event.uploadId) ids.add(m.event.uploadId)
  return ids
}
