/** Turns messages and pending sends into rows the chat list renders (pure). */
import type { ChatMessage } from '@shared/chat'
import type { OutboxItem } from './chat.helpers'

export type Row =
  | { type: 'time'; key: string; at: string }
  | { type: 'message'; key: string; message: ChatMessage; read: boolean }
  | { type: 'pending'; key: string; item: OutboxItem }

/** Minutes of silence after which a time separator is shown. */
export const TIME_GAP_MINUTES = 5

/** Rows in display order: time separators, messages (with read marks), then unsent messages. */
export function buildRows(messages: readonly ChatMessage[], outbox: readonly OutboxItem[], peerReadSeq: number): Row[] {
  const rows: Row[] = []
  let lastAt = 0
  const stamp = (iso: string, key: string) => {
    const at = Date.parse(iso)
    if (!lastAt || at - lastAt > TIME_GAP_MINUTES * 60_000) rows.push({ type: 'time', key: `t-${key}`, at: iso })
    lastAt = at
  }
  for (const m of messages) {
    stamp(m.createdAt, m.id)
    rows.push({ type: 'message', key: m.id, message: m, read: m.sender === 'shopper' && m.seq <= peerReadSeq })
  }
  for (const o of outbox) {
    stamp(o.createdAt, o.clientMsgId)
    rows.push({ type: 'pending', key: o.clientMsgId, item: o })
  }
  return rows
}

const pad = (n: number) => String(n).padStart(2, '0')

/** 10:05 today, 昨天 10:05, 3月5日 10:05, or 2025年3月5日 10:05 (English: Yesterday, Mar 5 …). */
export function formatTime(iso: string, now: Date = new Date(), lang: 'zh' | 'en' = 'zh'): string {
  const d = new Date(iso)
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
  const t = d.getTime()
  if (t >= startOfToday) return hm
  if (t >= startOfToday - 86_400_000) return lang === 'en' ? `Yesterday ${hm}` : `昨天 ${hm}`
  const sameYear = d.getFullYear() === now.getFullYear()
  if (lang === 'en') {
    const md = d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) })
    return `${md} ${hm}`
  }
  return `${sameYear ? '' : `${d.getFullYear()}年`}${d.getMonth() + 1}月${d.getDate()}日 ${hm}`
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
