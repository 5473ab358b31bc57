import fs from 'node:fs'
import path from 'node:path'
import {
  MAX_MESSAGE_TEXT,
  backoffMs,
  contiguousSeq,
  findGaps,
  mergeBySeq,
  newClientMsgId,
  reconcileOutbox,
  unreadCount,
  type OutboxItem,
} from '@/features/chat/chat.helpers'
import { buildRows, segmentText } from '@/components/message-list/message-list.helpers'
import { formatTime } from '@/lib/time'
import { msg } from '../support/chat-fixtures'

const pending = (clientMsgId: string): OutboxItem => ({
  clientMsgId,
  kind: 'text',
  text: 'hi',
  createdAt: '2026-11-26T02:30:00.000Z',
  state: 'queued',
  attempts: 0,
})

describe('chat helpers', () => {
  it('merges by seq, in order, one copy each', () => {
    const merged = mergeBySeq([msg(1), msg(3)], [msg(2), msg(3), msg(1)])
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3])
  })

  it('drops outbox entries the server already holds, keeping the rest', () => {
    const out = reconcileOutbox([pending('a'), pending('b')], [msg(5, { clientMsgId: 'a', sender: 'shopper' })])
    expect(out.map((o) => o.clientMsgId)).toEqual(['b'])
  })

  it('resumes polling before a hole, and names the hole', () => {
    const loaded = [msg(4), msg(5), msg(7), msg(8)]
    expect(contiguousSeq(loaded)).toBe(5)
    expect(findGaps(loaded)).toEqual([[6, 6]])
    expect(contiguousSeq([])).toBe(0)
    expect(contiguousSeq([msg(1), msg(2)])).toBe(2)
  })

  it('makes client ids the server accepts, different each time', () => {
    const a = newClientMsgId()
    expect(a).toMatch(/^[A-Za-z0-9_.:-]{8,64}$/)
    expect(newClientMsgId()).not.toBe(a)
  })

  it('counts unread messages from the other side only', () => {
    const list = [msg(1), msg(2, { sender: 'shopper' }), msg(3, { sender: 'agent' }), msg(4, { sender: 'system', kind: 'event' })]
    expect(unreadCount(list, 1)).toBe(1)
  })

  it('backs off exponentially with a cap', () => {
    const mid = () => 0.5
    expect(backoffMs(1, mid)).toBe(1000)
    expect(backoffMs(3, mid)).toBe(4000)
    expect(backoffMs(20, mid)).toBe(30000)
  })
})

describe('chat timeline', () => {
  it('separates messages more than five minutes apart and marks what the agent read', () => {
    const rows = buildRows([msg(1, { sender: 'shopper' }), msg(2), msg(9, { sender: 'shopper' })], [pending('x')], 1)
    expect(rows.map((r) => r.type)).toEqual(['time', 'message', 'message', 'time', 'message', 'time', 'pending'])
    const shopperRows = rows.filter((r) => r.type === 'message' && r.message.sender === 'shopper')
    expect(shopperRows.map((r) => r.type === 'message' && r.read)).toEqual([true, false])
  })

  it('finds URLs and order numbers but leaves markup as plain text', () => {
    expect(segmentText('订单202611261234567890 见 https://m.example.com/o?id=1。<b>x</b>')).toEqual([
      { type: 'text', value: '订单' },
      { type: 'order', value: '202611261234567890' },
      { type: 'text', value: ' 见 ' },
      { type: 'url', value: 'https://m.example.com/o?id=1' },
      { type: 'text', value: '。<b>x</b>' },
    ])
    expect(segmentText('123456789012345678901234')).toEqual([{ type: 'text', value: '123456789012345678901234' }])
  })

  it('formats times relative to today', () => {
    const now = new Date(2026, 10, 26, 15, 0)
    expect(formatTime(new Date(2026, 10, 26, 9, 5).toISOString(), now)).toBe('09:05')
    expect(formatTime(new Date(2026, 10, 25, 21, 30).toISOString(), now)).toBe('昨天 21:30')
    expect(formatTime(new Date(2026, 2, 5, 8, 0).toISOString(), now)).toBe('3月5日 08:00')
    expect(formatTime(new Date(2025, 2, 5, 8, 0).toISOString(), now, 'en')).toBe('Mar 5, 2025 08:00')
  })
})

describe('limits shared with the server', () => {
  it('uses the contract message length (types/chat.ts is a schema file the app may not import)', () => {
    const source = fs.readFileSync(path.resolve(__dirname, '../../types/chat.ts'), 'utf8')
    const contract = Number(/export const MAX_MESSAGE_TEXT = (\d+)/.exec(source)?.[1])
    expect(MAX_MESSAGE_TEXT).toBe(contract)
  })
})
