import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { ChatPoll } from '../../types/chat'
import { agent, current, pollShopper, say, type Auth } from '../support/chat'
import { buildTestApp, guest } from '../support/server'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

/** Waits until `check` holds, polling every 5 ms; `ms` only bounds how long a broken build hangs. */
async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe(`chat long-poll (${dbName})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  it('returns at once when newer messages exist', async () => {
    const me = await guest(app)
    await current(app, me)
    // The longest wait outlasts the test's own timeout: the poll can only pass by answering at once.
    const page = await pollShopper(app, me, 'after=0&wait=30')
    expect(page.messages.map((m) => m.seq)).toEqual([1])
  })

  it('wakes within milliseconds of a send by the other side', async () => {
    const me = await guest(app)
    await say(app, me, '转人工')
    const a = await agent(app)
    const conv = await current(app, me)
    await app.inject({ method: 'POST', url: `/api/agent/conversations/${conv.id}/claim`, headers: { authorization: a.authorization } })
    const { lastSeq } = await current(app, me)
    await app.inject({ method: 'POST', url: '/api/chat/read', headers: { authorization: me.authorization }, payload: { seq: lastSeq } })
    // The longest wait outlasts the test's own timeout: the poll can only pass by waking on the send.
    const waiting = pollShopper(app, me, `after=${lastSeq}&wait=30`)
    await until(() => app.chat.bus.listenerCount() > 0)
    const reply = await app.inject({
      method: 'POST',
      url: `/api/agent/conversations/${conv.id}/messages`,
      headers: { authorization: a.authorization },
      payload: { clientMsgId: 'agent-hello-1', kind: 'text', text: '您好，我来帮您处理' },
    })
    expect(reply.statusCode).toBe(200)
    const page = await waiting
    expect(page.messages).toEqual([expect.objectContaining({ sender: 'agent', senderName: '小艾', text: '您好，我来帮您处理' })])
    expect(page.conversation).toMatchObject({ status: 'assigned', agentName: '小艾', unreadCount: 1 })
    expect(app.chat.bus.listenerCount()).toBe(0)
  })

  it("lets a second tab follow: a wait on the ended chat ends when the first tab's next question starts a new one", async () => {
    const me = await guest(app)
    const ended = await current(app, me)
    expect((await app.inject({ method: 'POST', url: '/api/chat/end', headers: { authorization: me.authorization } })).statusCode).toBe(200)
    // (GET /api/chat would open a new one; the poll reads the latest, ended, conversation.)
    const { lastSeq, version, status } = (await pollShopper(app, me, 'after=0')).conversation
    expect(status).toBe('ended')
    let answered: ChatPoll | null = null
    // Tab B waits on "my current conversation", which is the ended one.
    const waiting = pollShopper(app, me, `after=${lastSeq}&version=${version}&wait=30`).then((p) => (answered = p))
    await until(() => app.chat.bus.listenerCount() > 0)
    // Tab A asks a new question: a new conversation starts.
    const sent = await say(app, me, '我的退款什么时候到')
    expect(sent.conversationId).not.toBe(ended.id)
    await until(() => answered !== null, 10_000)
    await waiting
    expect(app.chat.bus.listenerCount()).toBe(0)
    // Its next poll is about the new conversation.
    expect((await pollShopper(app, me, 'after=0')).conversation.id).toBe(sent.conversationId)
  })

  it('answers an empty 200 after wait seconds when nothing happens', async () => {
    const me = await guest(app)
    const conv = await current(app, me)
    const t0 = Date.now()
    const page = await pollShopper(app, me, `after=${conv.lastSeq}&version=${conv.version}&wait=1`)
    const took = Date.now() - t0
    expect(took).toBeGreaterThanOrEqual(950)
    expect(page).toMatchObject({ messages: [], hasMore: false, typing: false, conversation: { id: conv.id, lastSeq: conv.lastSeq } })
    expect(app.chat.bus.listenerCount()).toBe(0)
  })

  it('refuses a wait above 30 seconds, naming the field', async () => {
    const me = await guest(app)
    const res = await app.inject({ url: '/api/chat/messages?after=0&wait=600', headers: { authorization: me.authorization } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.field).toBe('querystring.wait')
  })

  it('wakes on a read mark and on typing when the client passes its version, and reports typing', async () => {
    const me = await guest(app)
    await say(app, me, '转人工')
    const a = await agent(app)
    const conv = await current(app, me)
    await app.inject({ method: 'POST', url: `/api/agent/conversations/${conv.id}/claim`, headers: { authorization: a.authorization } })
    const sent = await say(app, me, '订单一直没发货')
    const state = await current(app, me)

    const waitingRead = pollShopper(app, me, `after=${sent.seq}&version=${state.version}&wait=20`)
    await until(() => app.chat.bus.listenerCount() > 0)
    await app.inject({
      method: 'POST',
      url: `/api/agent/conversations/${conv.id}/read`,
      headers: { authorization: a.authorization },
      payload: { seq: sent.seq },
    })
    const afterRead = await waitingRead
    expect(afterRead.readSeq).toBe(sent.seq)
    expect(afterRead.messages).toEqual([])

    const waitingTyping = pollShopper(app, me, `after=${sent.seq}&version=${afterRead.conversation.version}&wait=20`)
    await until(() => app.chat.bus.listenerCount() > 0)
    const typed = await app.inject({
      method: 'POST',
      url: `/api/agent/conversations/${conv.id}/typing`,
      headers: { authorization: a.authorization },
    })
    expect(typed.statusCode).toBe(204)
    expect((await waitingTyping).typing).toBe(true)
  })

  it('fills the gap after an offline period, in order, page by page, then pages history backwards', async () => {
    const me = await guest(app)
    const conv = await current(app, me)
    const seenOnline = conv.lastSeq
    for (let i = 0; i < 6; i += 1) await say(app, me, `离线期间的第${i + 1}条：快递到哪了`)
    const collected: number[] = []
    let after = seenOnline
    let page: ChatPoll
    do {
      page = await pollShopper(app, me, `after=${after}&limit=5&wait=10`)
      collected.push(...page.messages.map((m) => m.seq))
      after = page.messages.at(-1)?.seq ?? after
    } while (page.hasMore)
    expect(collected).toEqual(Array.from({ length: page.conversation.lastSeq - seenOnline }, (_, i) => seenOnline + 1 + i))
    expect(page.conversation.unreadCount).toBeGreaterThanOrEqual(6)

    const older = await pollShopper(app, me, `before=${page.conversation.lastSeq - 2}&limit=4`)
    expect(older.messages.map((m) => m.seq)).toEqual([7, 8, 9, 10].map((n) => n + page.conversation.lastSeq - 2 - 11))
    expect(older.hasMore).toBe(true)
    const oldest = await pollShopper(app, me, 'before=3&limit=4')
    expect(oldest.messages.map((m) => m.seq)).toEqual([1, 2])
    expect(oldest.hasMore).toBe(false)
  })

  it('marks read up to a seq (never backwards) and the unread count follows', async () => {
    const me = await guest(app)
    const sent = await say(app, me, '怎么修改收货地址')
    const mark = (seq: number) =>
      app.inject({ method: 'POST', url: '/api/chat/read', headers: { authorization: me.authorization }, payload: { seq } })
    const read = (await mark(sent.seq + 1)).json()
    expect(read).toMatchObject({ shopperReadSeq: sent.seq + 1, unreadCount: 0 })
    expect((await mark(1)).json().shopperReadSeq).toBe(sent.seq + 1)
    expect((await mark(999)).json().shopperReadSeq).toBe(read.lastSeq)
  })

  it('releases the wait when the client disconnects (real HTTP), leaving no listeners', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = app.server.address() as AddressInfo
    const me: Auth = await guest(app)
    const conv = await current(app, me)
    const req = http.get({
      host: '127.0.0.1',
      port,
      path: `/api/chat/messages?after=${conv.lastSeq}&wait=25`,
      headers: { authorization: me.authorization },
    })
    req.on('error', () => undefined)
    // One on the conversation, one on the shopper's channel (another tab may start a new one).
    await until(() => app.chat.bus.listenerCount() === 2)
    req.destroy()
    await until(() => app.chat.bus.listenerCount() === 0)
  })
})

describe(`chat long-poll shutdown (${dbName})`, () => {
  it('answers waiting long-polls promptly on app.close() and leaves no listeners or timers', async () => {
    const app = await buildTestApp()
    const me = await guest(app)
    const conv = await current(app, me)
    // The longest wait outlasts the test's own timeout: only the shutdown can answer these polls in time.
    const waits = [1, 2, 3].map(() =>
      app.inject({ url: `/api/chat/messages?after=${conv.lastSeq}&wait=30`, headers: { authorization: me.authorization } }),
    )
    // Each waits on its conversation and on the shopper's channel.
    await until(() => app.chat.bus.listenerCount() === 6)
    const closing = app.close()
    const results = await Promise.all(waits)
    await closing
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200])
    expect(results[0].json().messages).toEqual([])
    expect(app.chat.bus.listenerCount()).toBe(0)
  })
})
