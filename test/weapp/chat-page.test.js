const { bootWeapp } = require('../support/weapp-harness')

const CONVERSATION = {
  id: 'c1',
  status: 'bot',
  serviceType: null,
  agentName: null,
  queuePosition: null,
  unreadCount: 0,
  lastSeq: 2,
  version: 1,
  shopperReadSeq: 2,
  agentReadSeq: 0,
  orderNo: null,
  ticketId: null,
  endedBy: null,
  rating: { pending: [], requested: false, given: [] },
  createdAt: '2026-11-26T02:00:00.000Z',
  queuedAt: null,
  endedAt: null,
}

/** A stored message as the API returns it. */
function message(seq, over) {
  return {
    id: `m-${seq}`,
    conversationId: 'c1',
    seq,
    clientMsgId: null,
    sender: 'bot',
    senderName: null,
    kind: 'text',
    text: `m${seq}`,
    uploadId: null,
    imageUrl: null,
    orderNo: null,
    order: null,
    meta: null,
    event: null,
    createdAt: new Date().toISOString(),
    ...over,
  }
}

const HISTORY = [
  message(1, { text: '您好，我是智能客服。请描述您遇到的问题。' }),
  message(2, { sender: 'shopper', text: '我的订单 202611261234567890 还没发货' }),
]
const poll = (messages, lastSeq) => ({
  statusCode: 200,
  data: { messages, conversation: { ...CONVERSATION, lastSeq }, readSeq: 0, typing: false, hasMore: false },
})

/** The chat API as the built app sees it through wx.request; long polls wait until `push`. */
function scriptedServer() {
  const held = []
  let stored = [...HISTORY]
  const server = {
    posts: [],
    /** Long polls the app holds open right now. */
    get waiting() {
      return held.length
    },
    /** Answers every open long poll with what is stored after its `after`. */
    push() {
      for (const h of held.splice(0))
        h.resolve(
          poll(
            stored.filter((m) => m.seq > h.after),
            stored.length,
          ),
        )
    },
    respond({ url, method = 'GET', data }) {
      const path = url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]
      if (path === '/api/auth/wechat') {
        return {
          statusCode: 200,
          data: { token: 'tok', expiresAt: '2999-01-01T00:00:00.000Z', user: { id: 'u1', role: 'shopper', displayName: '微信用户' } },
        }
      }
      if (path === '/api/chat' && method === 'GET') return { statusCode: 200, data: CONVERSATION }
      if (path === '/api/chat/messages' && method === 'GET') {
        if (/[?&]before=/.test(url)) return poll(stored, stored.length)
        const after = Number(/[?&]after=(\d+)/.exec(url)?.[1] ?? 0)
        if (stored.some((m) => m.seq > after))
          return poll(
            stored.filter((m) => m.seq > after),
            stored.length,
          )
        return new Promise((resolve) => held.push({ after, resolve }))
      }
      if (path === '/api/chat/messages' && method === 'POST') {
        const body = typeof data === 'string' ? JSON.parse(data) : data
        server.posts.push(body)
        const saved = message(stored.length + 1, { sender: 'shopper', clientMsgId: body.clientMsgId, text: body.text })
        stored = [...stored, saved]
        return { statusCode: 201, data: saved }
      }
      if (path === '/api/chat/read') return { statusCode: 200, data: CONVERSATION }
      return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'not found' } } }
    },
  }
  return server
}

const text = (page) => page.dom.textContent

describe('built mini-program: chat page', () => {
  const weapp = bootWeapp()
  const server = scriptedServer()
  weapp.server.respond = (opts) => server.respond(opts)

  it('shows the conversation, and a typed message goes out once with a clientMsgId and shows as sent', async () => {
    const page = await weapp.loadPage('pages/chat/index')
    await weapp.waitFor(() => text(page).includes('还没发货'), 'history rendered')
    expect(text(page)).toContain('您好，我是智能客服。请描述您遇到的问题。')
    expect(page.querySelector('.bubble__order-no').dom.textContent).toBe('202611261234567890')
    expect(weapp.calls.some((c) => c.name === 'request' && /\/api\/chat\/messages\?.*wait=/.test(c.opts.url))).toBe(true)

    page.querySelector('.composer__input').dispatchEvent('input', { detail: { value: '请帮我催一下仓库' } })
    await weapp.waitFor(() => !page.querySelector('.composer__send--off'), 'send enabled after typing')
    page.querySelector('.composer__send').dispatchEvent('tap', { detail: {} })

    await weapp.waitFor(() => server.posts.length === 1, 'message posted')
    expect(server.posts[0]).toMatchObject({ kind: 'text', text: '请帮我催一下仓库' })
    expect(server.posts[0].clientMsgId).toMatch(/^[A-Za-z0-9_.:-]+$/)
    server.push()
    await weapp.waitFor(() => !page.querySelector('.msg--pending') && text(page).includes('请帮我催一下仓库'), 'message shown as sent')
    const mine = page.querySelectorAll('.msg--mine')
    expect(mine.map((m) => m.dom.textContent).join('|')).toContain('请帮我催一下仓库')
    expect(mine[mine.length - 1].dom.textContent).toContain('未读')
    // Once the app is back to waiting on its long poll, its outbox is settled: one post, no copy.
    await weapp.waitFor(() => server.waiting > 0, 'the app did not resume its long poll')
    expect(server.posts).toHaveLength(1)
  })
})
