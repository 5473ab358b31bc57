const { bootWeapp } = require('../support/weapp-harness')
const { Buffer } = require('node:buffer')
const fs = require('node:fs')

const CONVERSATION = {
  id: 'c1',
  status: 'agent',
  serviceType: null,
  agentName: '小艾',
  queuePosition: null,
  unreadCount: 0,
  lastSeq: 0,
  version: 1,
  shopperReadSeq: 0,
  agentReadSeq: 0,
  orderNo: null,
  ticketId: null,
  endedBy: null,
  rating: { pending: [], requested: false, given: [] },
  createdAt: '2026-11-01T00:00:00.000Z',
  queuedAt: null,
  endedAt: null,
}

const START = Date.UTC(2026, 10, 1)

/** A stored message as the API returns it, one a minute, from the agent or the shopper. */
function message(seq) {
  return {
    id: `m-${seq}`,
    conversationId: 'c1',
    seq,
    clientMsgId: null,
    sender: seq % 3 === 0 ? 'shopper' : 'agent',
    senderName: seq % 3 === 0 ? null : '小艾',
    kind: 'text',
    text: `第${seq}条消息：您的包裹已到达转运中心`,
    uploadId: null,
    imageUrl: null,
    orderNo: null,
    order: null,
    meta: null,
    event: null,
    createdAt: new Date(START + seq * 60_000).toISOString(),
  }
}

const reply = (messages, lastSeq) => ({
  statusCode: 200,
  data: { messages, conversation: { ...CONVERSATION, lastSeq }, readSeq: 0, typing: false, hasMore: false },
})

/** The chat API holding `stored`; long polls wait until `push`. */
function scriptedServer(count) {
  const held = []
  const stored = Array.from({ length: count }, (_, i) => message(i + 1))
  return {
    /** Stores `n` more messages and answers the open long polls with them. */
    add(n) {
      const from = stored.length + 1
      for (let seq = from; seq < from + n; seq++) stored.push(message(seq))
      for (const h of held.splice(0)) h.resolve(reply(stored.slice(h.after), stored.length))
      return stored[stored.length - 1]
    },
    get waiting() {
      return held.length
    },
    respond({ url, method = 'GET' }) {
      const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]
      if (path === '/api/auth/wechat') {
        return {
          statusCode: 200,
          data: { token: 'tok', expiresAt: '2999-01-01T00:00:00.000Z', user: { id: 'u1', role: 'shopper', displayName: '微信用户' } },
        }
      }
      if (path === '/api/chat' && method === 'GET') return { statusCode: 200, data: { ...CONVERSATION, lastSeq: stored.length } }
      if (path === '/api/chat/messages' && method === 'GET') {
        // The whole history in one page: the list, not the pager, is under test.
        if (/[?&]before=/.test(url)) return reply([...stored], stored.length)
        const after = Number(/[?&]after=(\d+)/.exec(url)?.[1] ?? 0)
        if (stored.length > after) return reply(stored.slice(after), stored.length)
        return new Promise((resolve) => held.push({ after, resolve }))
      }
      if (path === '/api/chat/read') return { statusCode: 200, data: CONVERSATION }
      return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'not found' } } }
    },
  }
}

/** Records what the page sends to the view layer from now on. */
function spySetData(page) {
  const sent = []
  const instance = page.instance
  const original = instance.setData
  instance.setData = function (data, cb) {
    sent.push(JSON.stringify(data))
    return original.call(this, data, cb)
  }
  return {
    /** Bytes sent up to and including the update that drew `text` (the append itself). */
    bytesUntil(text) {
      const at = sent.findIndex((s) => s.includes(text))
      if (at < 0) throw new Error(`no setData carried "${text}"`)
      return sent.slice(0, at + 1).reduce((n, s) => n + Buffer.byteLength(s), 0)
    },
    stop() {
      instance.setData = original
    },
  }
}

const text = (page) => page.dom.textContent

describe('built mini-program: a long chat', () => {
  const weapp = bootWeapp()
  const server = scriptedServer(50)
  weapp.server.respond = (opts) => server.respond(opts)

  /** Appends one message from the agent and returns the setData bytes it cost. */
  async function append(page) {
    await weapp.waitFor(() => server.waiting > 0, 'the page is not waiting on its long poll')
    const spy = spySetData(page)
    const added = server.add(1)
    await weapp.waitFor(() => text(page).includes(added.text), `message ${added.seq} not drawn`)
    spy.stop()
    return spy.bytesUntil(added.text)
  }

  it('sends about the same setData payload for a new message at 50 and at 5,000 messages, and draws a bounded number of rows', async () => {
    const page = await weapp.loadPage('pages/chat/index')
    await weapp.waitFor(() => text(page).includes(message(50).text), 'history rendered')
    const at50 = await append(page)

    // The chat grows to 5,000 while the shopper watches it.
    await weapp.waitFor(() => server.waiting > 0, 'long poll')
    const last = server.add(5000 - 51)
    await weapp.waitFor(() => text(page).includes(last.text), 'grown to 5,000')
    const at5000 = await append(page)

    const rows = page.querySelectorAll('.msg').length
    // `npm run bench` (suite long-chat) reads the figures from here.
    if (process.env.LONG_CHAT_REPORT) fs.writeFileSync(process.env.LONG_CHAT_REPORT, JSON.stringify({ at50, at5000, rows }))
    expect(rows).toBeLessThanOrEqual(80)
    expect(text(page)).not.toContain(message(1).text)
    // The payload names the new row and its place; it must not carry the history.
    expect(at5000).toBeLessThan(at50 * 1.5 + 512)
    expect(at5000).toBeLessThan(4096)
  })
})
