import {
  backoffMs,
  contiguousSeq,
  findGaps,
  isLaterConversation,
  mergeBySeq,
  mergeIntoThreads,
  newClientMsgId,
  reconcileOutbox,
  unreadCount,
  type OutboxItem,
} from '@/lib/conversation'
import { buildRows, segmentText } from '@/components/message-list/message-list.helpers'
import { formatTime } from '@/lib/time'
import { chatStateLabel } from '@/features/chat/chat.presence'
import { contactReturn, contactSessionFrom, ticketMessagePath } from '@/features/help/help.helpers'
import { conversation, msg } from '../support/chat-fixtures'
import { t } from '@/lib/i18n'

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

  it('takes a message the server hands back again, e.g. with its new WeChat delivery state', () => {
    const thread = { c1: [msg(1), msg(2, { sender: 'agent', delivery: 'pending' }), msg(3)] }
    const next = mergeIntoThreads(thread, [msg(2, { sender: 'agent', delivery: 'limited' })])
    expect(next.c1.map((m) => m.delivery)).toEqual([undefined, 'limited', undefined])
  })

  it('keeps each conversation in its own thread, so seq 1 of a new one never replaces seq 1 of an ended one', () => {
    const ended = { c1: [msg(1, { text: '转人工' }), msg(2, { text: '正在为您转接人工客服' })] }
    const next = mergeIntoThreads(ended, [
      msg(1, { conversationId: 'c2', sender: 'shopper', text: '新问题' }),
      msg(2, { conversationId: 'c2' }),
    ])
    expect(next.c1.map((m) => m.text)).toEqual(['转人工', '正在为您转接人工客服'])
    expect(next.c2.map((m) => m.text)).toEqual(['新问题', 'm2'])
  })

  it('follows a later conversation but never lets a late answer about an earlier one take the screen back', () => {
    const c1 = conversation({ id: 'c1', createdAt: '2026-11-26T02:00:00.000Z' })
    const c2 = conversation({ id: 'c2', createdAt: '2026-11-26T03:00:00.000Z' })
    expect(isLaterConversation({ c1 }, 'c1', c2)).toBe(true)
    expect(isLaterConversation({ c1, c2 }, 'c2', c1)).toBe(false)
    // Shown from an ack before its snapshot arrived: a known older one stays behind.
    expect(isLaterConversation({ c1 }, 'c2', c1)).toBe(false)
    expect(isLaterConversation({}, null, c1)).toBe(true)
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
    expect(unreadCount(list, 0, 'agent')).toBe(1)
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

describe('queue position', () => {
  it('counts the people ahead: the shopper at position 1 is next', () => {
    expect(chatStateLabel(conversation({ status: 'queued', queuePosition: 1 })).label).toBe('排队中 · 下一位就是您')
    expect(chatStateLabel(conversation({ status: 'queued', queuePosition: 3 })).label).toBe('排队中 · 前面 2 人')
    expect(t('chat.queueBanner', { ahead: 0 })).toBe('您是下一位，客服马上为您服务')
    expect(t('chat.queueBanner', { ahead: 1 })).toBe('正在排队，前面还有 1 人，请稍候')
  })
})

describe('WeChat contact button', () => {
  it("sends the shopper's case number with the session, so WeChat service finds the chat and tickets", () => {
    expect(contactSessionFrom({ userId: 'u1', orderNo: '202611261234567890', caseNo: 'KF-7Q3M-2H' })).toBe(
      'sd|uid=u1|case=KF-7Q3M-2H|order=202611261234567890',
    )
    expect(contactSessionFrom({ userId: 'u1' })).toBe('sd|uid=u1')
  })
})

describe('WeChat contact cards', () => {
  it('passes the page the shopper came from and offers the ticket as a card', () => {
    expect(contactSessionFrom({ userId: 'u1', caseNo: 'KF-7Q3M-2H', page: 'pages/help/index' })).toBe(
      'sd|uid=u1|case=KF-7Q3M-2H|page=pages/help/index',
    )
    expect(ticketMessagePath('t 1')).toBe('/pages/ticket/detail/index?id=t%201')
  })

  it("opens the page a tapped card points to, only this app's pages, tabs without a query", () => {
    expect(contactReturn({ path: 'pages/ticket/detail/index.html', query: { id: 'abc' } })).toEqual({
      url: '/pages/ticket/detail/index?id=abc',
      tab: false,
    })
    expect(contactReturn({ path: '/pages/chat/index', query: { x: '1' } })).toEqual({ url: '/pages/chat/index', tab: true })
    expect(contactReturn({ path: 'https://evil.example/pages/x' })).toBeNull()
    expect(contactReturn(undefined)).toBeNull()
  })
})
