import type { FastifyInstance } from 'fastify'
import type { Overview } from '../../types/agent'
import type { TicketStats } from '../../types/ticket'
import { agent, cid, current, say, type Auth } from '../support/chat'
import { buildTestApp, guest } from '../support/server'
import { move, pointsBody, submit } from '../support/tickets'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
const MIN = 60_000
const iso = (ms: number) => new Date(ms).toISOString()

describe(`agent overview (${dbName})`, () => {
  let app: FastifyInstance
  let alice: Auth
  beforeAll(async () => {
    app = await buildTestApp()
    alice = await agent(app, '小艾')
  })
  afterAll(() => app.close())

  const as = (who: Auth, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { authorization: who.authorization }, ...(payload ? { payload } : {}) })
  const overview = async (query: string) => {
    const res = await as(alice, 'GET', `/api/agent/overview?${query}`)
    expect(res.statusCode).toBe(200)
    return res.json<Overview>()
  }

  /** A shopper whose chat the bot handed over; returns the conversation id. */
  async function handedOver(shopper: Auth): Promise<string> {
    await say(app, shopper, '我要投诉，东西是坏的')
    const conv = await current(app, shopper)
    expect(conv.status).toBe('queued')
    return conv.id
  }

  /** Claims, answers once, and pins the stored times: queued `waitMin` before the claim, answered `answerMin` after. */
  async function served(id: string, waitMin: number, answerMin: number): Promise<void> {
    expect((await as(alice, 'POST', `/api/agent/conversations/${id}/claim`)).statusCode).toBe(200)
    const sent = await as(alice, 'POST', `/api/agent/conversations/${id}/messages`, {
      clientMsgId: cid(),
      kind: 'text',
      text: '您好，我来处理',
    })
    expect(sent.statusCode).toBe(200)
    const claim = await app.db
      .selectFrom('chat_messages')
      .select('created_at')
      .where('conversation_id', '=', id)
      .where('kind', '=', 'event')
      .where('event_json', 'like', '{"type":"assigned"%')
      .executeTakeFirstOrThrow()
    const claimedAt = Date.parse(claim.created_at)
    await app.db
      .updateTable('chat_conversations')
      .set({ queued_at: iso(claimedAt - waitMin * MIN) })
      .where('id', '=', id)
      .execute()
    await app.db
      .updateTable('chat_messages')
      .set({ created_at: iso(claimedAt + answerMin * MIN) })
      .where('conversation_id', '=', id)
      .where('sender', '=', 'agent')
      .execute()
  }

  /** Moves a whole conversation (and its messages and ratings) `days` into the past. */
  async function backdate(id: string, days: number): Promise<void> {
    const shift = (v: string | null) => (v ? iso(Date.parse(v) - days * 1440 * MIN) : v)
    const c = await app.db.selectFrom('chat_conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    await app.db
      .updateTable('chat_conversations')
      .set({ created_at: shift(c.created_at)!, queued_at: shift(c.queued_at), assigned_at: shift(c.assigned_at) })
      .where('id', '=', id)
      .execute()
    for (const table of ['chat_messages', 'chat_ratings'] as const) {
      const rows = await app.db.selectFrom(table).select(['id', 'created_at']).where('conversation_id', '=', id).execute()
      for (const r of rows)
        await app.db
          .updateTable(table)
          .set({ created_at: shift(r.created_at)! })
          .where('id', '=', r.id)
          .execute()
    }
  }

  const rate = (shopper: Auth, conversationId: string, target: 'bot' | 'agent', score: number) =>
    as(shopper, 'POST', '/api/chat/rating', { conversationId, target, score })

  it('refuses shoppers with 403 and anonymous callers with 401, and names a bad range', async () => {
    const shopper = await guest(app)
    expect((await as(shopper, 'GET', '/api/agent/overview')).statusCode).toBe(403)
    expect((await app.inject({ url: '/api/agent/overview' })).statusCode).toBe(401)
    const bad = await as(alice, 'GET', '/api/agent/overview?range=month')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.field).toMatch(/range/)
    const offset = await as(alice, 'GET', '/api/agent/overview?utcOffset=2000')
    expect(offset.statusCode).toBe(400)
    expect(offset.json().error.field).toMatch(/utcOffset/)
  })

  it('starts today at the caller’s local midnight and the week six days earlier', async () => {
    const today = await overview('range=today&utcOffset=480')
    expect(today.since).toMatch(/T16:00:00\.000Z$/)
    expect(Date.now() - Date.parse(today.since)).toBeLessThanOrEqual(1440 * MIN)
    const week = await overview('range=7d&utcOffset=480')
    expect(Date.parse(today.since) - Date.parse(week.since)).toBe(6 * 1440 * MIN)
    expect(week.sla).toEqual({ firstResponseHours: 24, resolutionHours: 72 })
  })

  it('counts chats, waits, first responses and ratings that were really created, and folds in the ticket stats', async () => {
    const empty = await overview('range=7d&utcOffset=0')
    expect(empty.chats).toMatchObject({ started: 0, handedOver: 0, waitingNow: 0, averageQueueWaitMinutes: null })

    // A bot-only chat, rated 4 for the bot.
    const botOnly = await guest(app)
    const botConv = (await current(app, botOnly)).id
    expect((await as(botOnly, 'POST', '/api/chat/end')).statusCode).toBe(200)
    expect((await rate(botOnly, botConv, 'bot', 4)).statusCode).toBe(200)

    // Two served chats: 10 and 20 minutes in the queue, answered 2 and 4 minutes after the claim.
    const first = await guest(app)
    const firstConv = await handedOver(first)
    await served(firstConv, 10, 2)
    expect((await as(alice, 'POST', `/api/agent/conversations/${firstConv}/end`)).statusCode).toBe(200)
    expect((await rate(first, firstConv, 'agent', 5)).statusCode).toBe(200)
    expect((await rate(first, firstConv, 'bot', 1)).statusCode).toBe(200)
    const second = await guest(app)
    const secondConv = await handedOver(second)
    await served(secondConv, 20, 4)
    expect((await as(alice, 'POST', `/api/agent/conversations/${secondConv}/end`)).statusCode).toBe(200)
    expect((await rate(second, secondConv, 'agent', 2)).statusCode).toBe(200)

    // One still waiting, and one served three days ago (in the week, not today).
    await handedOver(await guest(app))
    const older = await guest(app)
    const olderConv = await handedOver(older)
    await served(olderConv, 60, 30)
    await backdate(olderConv, 3)

    // Two tickets, one accepted.
    const shopper = await guest(app)
    const t1 = await submit(app, shopper, pointsBody())
    await submit(app, shopper, pointsBody('会员等级没有升级'))
    expect((await move(app, alice, t1.id, { to: 'in_progress' })).statusCode).toBe(200)

    const today = await overview('range=today&utcOffset=0')
    expect(today.chats).toEqual({
      started: 4,
      handedOver: 3,
      waitingNow: 1,
      averageQueueWaitMinutes: 15,
      averageFirstAgentResponseMinutes: 3,
      botRating: { average: 2.5, count: 2 },
      agentRating: { average: 3.5, count: 2 },
    })
    expect(today.tickets).toMatchObject({ total: 2, byStatus: { submitted: 1, in_progress: 1 }, overdue: 0 })
    expect(today.tickets.averageFirstResponseMinutes).not.toBeNull()
    const stats = await as(alice, 'GET', `/api/agent/tickets/stats?since=${encodeURIComponent(today.since)}`)
    expect(today.tickets).toEqual(stats.json<TicketStats>())

    const week = await overview('range=7d&utcOffset=0')
    expect(week.chats).toMatchObject({
      started: 5,
      handedOver: 4,
      waitingNow: 1,
      averageQueueWaitMinutes: 30,
      averageFirstAgentResponseMinutes: 12,
    })
  })

  it('leaves out chats older than the week', async () => {
    const before = await overview('range=7d&utcOffset=0')
    const old = await guest(app)
    const id = await handedOver(old)
    await served(id, 5, 5)
    await backdate(id, 8)
    const after = await overview('range=7d&utcOffset=0')
    expect(after.chats).toEqual(before.chats)
  })
})
