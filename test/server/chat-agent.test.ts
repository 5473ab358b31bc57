import type { FastifyInstance } from 'fastify'
import type { AgentConversation, Queue } from '../../types/chat'
import { agent, cid, current, pollShopper, say, type Auth } from '../support/chat'
import { buildTestApp, guest } from '../support/server'
import { pointsBody, submit } from '../support/tickets'
import { listOrdersFor } from '../../server/features/orders/orders.service'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`agent chat API (${dbName})`, () => {
  let app: FastifyInstance
  let alice: Auth
  let bob: Auth
  beforeAll(async () => {
    app = await buildTestApp()
    alice = await agent(app, '小艾')
    bob = await agent(app, '小博')
  })
  afterAll(() => app.close())

  const as = (who: Auth, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { authorization: who.authorization }, ...(payload ? { payload } : {}) })

  /** A shopper whose conversation waits in the queue. */
  async function queuedShopper(text = '我要投诉，东西是坏的'): Promise<{ shopper: Auth; id: string }> {
    const shopper = await guest(app)
    await say(app, shopper, text)
    const conv = await current(app, shopper)
    expect(conv.status).toBe('queued')
    return { shopper, id: conv.id }
  }

  it('refuses shoppers on every agent route with 403, and anonymous callers with 401', async () => {
    const shopper = await guest(app)
    const { id } = await queuedShopper()
    for (const [method, url] of [
      ['GET', '/api/agent/queue'],
      ['GET', '/api/agent/conversations?mine=1'],
      ['POST', `/api/agent/conversations/${id}/claim`],
      ['GET', `/api/agent/conversations/${id}/messages`],
      ['GET', `/api/agent/conversations/${id}/customer`],
    ] as const) {
      expect((await as(shopper, method, url)).statusCode).toBe(403)
      expect((await app.inject({ method, url })).statusCode).toBe(401)
    }
    const post = await as(shopper, 'POST', `/api/agent/conversations/${id}/messages`, {
      clientMsgId: cid(),
      kind: 'text',
      text: '冒充客服',
    })
    expect(post.statusCode).toBe(403)
  })

  it('keeps agents off the shopper routes (an agent cannot post as a shopper)', async () => {
    const res = await as(alice, 'POST', '/api/chat/messages', { clientMsgId: cid(), kind: 'text', text: '我是顾客' })
    expect(res.statusCode).toBe(403)
  })

  it('lists the queue by wait time with positions per service type', async () => {
    const first = await queuedShopper('包裹丢了，要求赔偿')
    const second = await queuedShopper('快递丢件了我要赔偿')
    const queue = (await as(alice, 'GET', '/api/agent/queue')).json<Queue>()
    const mine = queue.items.filter((i) => [first.id, second.id].includes(i.conversationId))
    expect(mine.map((i) => i.conversationId)).toEqual([first.id, second.id])
    expect(mine[1].position).toBe(mine[0].position + 1)
    expect(mine[0]).toMatchObject({ serviceType: 'logistics', handoffReason: 'handoff.compensation', preview: '包裹丢了，要求赔偿' })
    expect(queue.byServiceType.find((g) => g.serviceType === 'logistics')!.count).toBeGreaterThanOrEqual(2)
    const shopperView = await current(app, second.shopper)
    expect(shopperView.queuePosition).toBe(mine[1].position)
  })

  it('lets exactly one of several racing agents claim, and moves the rest of the queue up', async () => {
    const { shopper, id } = await queuedShopper('包裹丢了我要赔偿，急')
    const behind = await queuedShopper('快递丢了要赔偿')
    const before = (await current(app, behind.shopper)).queuePosition!
    const carol = await agent(app, '小卡')
    const results = await Promise.all([alice, bob, carol].map((a) => as(a, 'POST', `/api/agent/conversations/${id}/claim`)))
    const codes = results.map((r) => r.statusCode).sort()
    expect(codes).toEqual([200, 409, 409])
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('ALREADY_CLAIMED')
    const winner = results.find((r) => r.statusCode === 200)!.json<AgentConversation>()
    const view = await current(app, shopper)
    expect(view).toMatchObject({ status: 'assigned', agentName: winner.agentName, queuePosition: null })
    expect((await current(app, behind.shopper)).queuePosition).toBe(before - 1)
    const events = (await pollShopper(app, shopper, 'after=0')).messages.filter((m) => m.event?.type === 'assigned')
    expect(events).toHaveLength(1)
  })

  it('chats both ways with idempotent agent sends; only the assignee may post', async () => {
    const { shopper, id } = await queuedShopper()
    await as(alice, 'POST', `/api/agent/conversations/${id}/claim`)
    const body = { clientMsgId: cid(), kind: 'text', text: '您好，请发一张商品照片' }
    const sends = await Promise.all(Array.from({ length: 10 }, () => as(alice, 'POST', `/api/agent/conversations/${id}/messages`, body)))
    expect(new Set(sends.map((s) => s.json().id)).size).toBe(1)
    const other = await as(bob, 'POST', `/api/agent/conversations/${id}/messages`, { clientMsgId: cid(), kind: 'text', text: '插话' })
    expect(other.statusCode).toBe(403)
    expect(other.json().error.code).toBe('NOT_ASSIGNED')

    const fromShopper = await say(app, shopper, '好的，我拍一下')
    const page = (await as(alice, 'GET', `/api/agent/conversations/${id}/messages?after=${fromShopper.seq - 1}`)).json()
    expect(page.messages).toEqual([expect.objectContaining({ sender: 'shopper', text: '好的，我拍一下' })])
    expect(page.conversation).toMatchObject({ status: 'assigned', agentId: alice.userId, unreadCount: 1, shopper: { id: shopper.userId } })
    // The bot stays quiet once a person is in charge.
    expect((await pollShopper(app, shopper, `after=${fromShopper.seq}`)).messages).toEqual([])

    const list = (await as(alice, 'GET', '/api/agent/conversations?mine=1')).json()
    expect(list.items.map((c: AgentConversation) => c.id)).toContain(id)
    expect((await as(bob, 'GET', '/api/agent/conversations?mine=1')).json().items.map((c: AgentConversation) => c.id)).not.toContain(id)
  })

  it('transfers to another agent and back to the queue, keeping the place in line', async () => {
    const { shopper, id } = await queuedShopper()
    await as(alice, 'POST', `/api/agent/conversations/${id}/claim`)
    // Only a colleague whose workspace is open takes a transfer; an open workspace polls its inbox.
    const carol = await agent(app, '小卡')
    const offline = await as(alice, 'POST', `/api/agent/conversations/${id}/transfer`, { agentId: carol.userId })
    expect(offline.statusCode).toBe(409)
    expect(offline.json().error).toMatchObject({ code: 'AGENT_OFFLINE', field: 'body.agentId' })
    expect((await as(bob, 'GET', '/api/agent/inbox')).statusCode).toBe(200)
    const list = (await as(alice, 'GET', '/api/agent/agents')).json().items as Array<{ id: string; online: boolean }>
    expect(list.find((a) => a.id === bob.userId)?.online).toBe(true)
    expect(list.find((a) => a.id === carol.userId)?.online).toBe(false)
    const toBob = await as(alice, 'POST', `/api/agent/conversations/${id}/transfer`, { agentId: bob.userId })
    expect(toBob.json()).toMatchObject({ status: 'assigned', agentId: bob.userId, agentName: '小博' })
    expect((await as(alice, 'POST', `/api/agent/conversations/${id}/end`)).statusCode).toBe(403)
    const bad = await as(bob, 'POST', `/api/agent/conversations/${id}/transfer`, { agentId: shopper.userId })
    expect(bad.json().error.field).toBe('body.agentId')
    const back = await as(bob, 'POST', `/api/agent/conversations/${id}/transfer`, { serviceType: 'payment' })
    expect(back.json()).toMatchObject({ status: 'queued', agentId: null, serviceType: 'payment' })
    const types = (await pollShopper(app, shopper, 'after=0')).messages.map((m) => m.event?.type).filter(Boolean)
    expect(types).toEqual(['queued', 'assigned', 'transferred', 'requeued'])
    expect((await current(app, shopper)).queuePosition).toBe(1)
  })

  it('ends by the agent and asks the shopper to rate both the agent and the bot', async () => {
    const { shopper, id } = await queuedShopper()
    await as(alice, 'POST', `/api/agent/conversations/${id}/claim`)
    const ended = await as(alice, 'POST', `/api/agent/conversations/${id}/end`)
    expect(ended.json()).toMatchObject({ status: 'ended', endedBy: 'agent' })
    const view = (await pollShopper(app, shopper, `conversationId=${id}&after=0`)).conversation
    expect(view.rating).toMatchObject({ requested: true, pending: ['agent', 'bot'] })
    const rate = await as(shopper, 'POST', '/api/chat/rating', { conversationId: id, target: 'agent', score: 5, tags: ['专业'] })
    expect(rate.json().rating.pending).toEqual(['bot'])
    expect(
      (await as(alice, 'POST', `/api/agent/conversations/${id}/messages`, { clientMsgId: cid(), kind: 'text', text: '还在吗' })).statusCode,
    ).toBe(409)
    const history = (await as(alice, 'GET', '/api/agent/conversations?status=ended')).json()
    expect(history.items.map((c: AgentConversation) => c.id)).toContain(id)
  })

  it('ends conversations idle for 30 minutes in the sweep, but not ones waiting in the queue', async () => {
    const idle = await guest(app)
    await say(app, idle, '你好')
    const waiting = await queuedShopper()
    const later = new Date(Date.now() + 31 * 60_000)
    expect(await app.chat.sweepIdle(new Date(Date.now() + 29 * 60_000))).toBe(0)
    expect(await app.chat.sweepIdle(later)).toBeGreaterThanOrEqual(1)
    const tail = (await pollShopper(app, idle, 'after=0')).conversation
    expect(tail).toMatchObject({ status: 'ended', endedBy: 'idle', rating: { requested: true } })
    expect((await current(app, waiting.shopper)).status).toBe('queued')
  })

  it('shows the customer beside the chat (orders, tickets, linked order) and the agents to transfer to', async () => {
    const { shopper, id } = await queuedShopper()
    const orders = await listOrdersFor(shopper.userId)
    const ticket = await submit(app, shopper, pointsBody())
    await as(shopper, 'POST', '/api/chat/link', { orderNo: orders[0].orderNo })
    const panel = await as(alice, 'GET', `/api/agent/conversations/${id}/customer`)
    expect(panel.statusCode).toBe(200)
    expect(panel.json()).toMatchObject({ shopper: { id: shopper.userId }, linkedOrderNo: orders[0].orderNo, pastConversations: 0 })
    // Every guest starts as "访客"; agents tell them apart by a short tag that stays with the account.
    const name = panel.json().shopper.displayName
    expect(name).toMatch(/^访客·[0-9A-F]{4}$/)
    const conv = (await as(alice, 'GET', `/api/agent/conversations/${id}`)).json()
    expect(conv.shopper.displayName).toBe(name)
    expect(panel.json().orders.map((o: { orderNo: string }) => o.orderNo)).toEqual(orders.slice(0, 10).map((o) => o.orderNo))
    expect(panel.json().tickets).toEqual([
      expect.objectContaining({ id: ticket.id, ticketNo: ticket.ticketNo, serviceType: 'member', status: 'submitted' }),
    ])
    const agents = (await as(alice, 'GET', '/api/agent/agents')).json()
    expect(agents.items.map((a: { displayName: string }) => a.displayName)).toEqual(expect.arrayContaining(['小艾', '小博']))
  })

  it('lets the agent send the shopper’s order as a card, but not someone else’s', async () => {
    const { shopper, id } = await queuedShopper()
    await as(alice, 'POST', `/api/agent/conversations/${id}/claim`)
    const [order] = await listOrdersFor(shopper.userId)
    const ok = await as(alice, 'POST', `/api/agent/conversations/${id}/messages`, {
      clientMsgId: cid(),
      kind: 'order',
      orderNo: order.orderNo,
    })
    expect(ok.json()).toMatchObject({ sender: 'agent', kind: 'order', order: { orderNo: order.orderNo, status: order.status } })
    const [foreign] = await listOrdersFor((await guest(app)).userId)
    const no = await as(alice, 'POST', `/api/agent/conversations/${id}/messages`, {
      clientMsgId: cid(),
      kind: 'order',
      orderNo: foreign.orderNo,
    })
    expect(no.statusCode).toBe(400)
  })

  it('wakes the inbox long-poll when a conversation joins the queue', async () => {
    const first = (await as(alice, 'GET', '/api/agent/inbox')).json()
    // The longest wait outlasts the test's own timeout: the inbox can only pass by waking on the new queue entry.
    const waiting = as(alice, 'GET', `/api/agent/inbox?token=${first.token}&wait=30`)
    while (app.chat.bus.listenerCount() === 0) await new Promise((r) => setImmediate(r))
    const { id } = await queuedShopper('转人工')
    const next = (await waiting).json()
    expect(next.token).not.toBe(first.token)
    expect(next.queue.items.map((i: { conversationId: string }) => i.conversationId)).toContain(id)
  })
})
