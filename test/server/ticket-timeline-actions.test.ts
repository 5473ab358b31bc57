import type { FastifyInstance } from 'fastify'
import type { TimelineEvent } from '../../types/ticket'
import { listOrdersFor } from '../../server/features/orders/orders.service'
import { current } from '../support/chat'
import { buildTestApp, guest } from '../support/server'
import { agent, pointsBody, submit, type Who } from '../support/tickets'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

let keyCounter = 0
const key = (): string => `t${Date.now().toString(36)}${(keyCounter++).toString(36)}xx`

describe(`self-service actions on a linked ticket's timeline (${dbName})`, () => {
  let app: FastifyInstance
  let staff: Who
  beforeAll(async () => {
    app = await buildTestApp()
    staff = await agent(app)
  })
  afterAll(() => app.close())

  const as = (who: Who, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { authorization: who.authorization }, ...(payload ? { payload } : {}) })
  const actionsOn = (timeline: TimelineEvent[]) => timeline.filter((e) => e.type === 'self_service')

  async function paidOrder(who: Who): Promise<string> {
    const order = (await listOrdersFor(who.userId)).find((o) => o.status === 'paid')
    if (!order) throw new Error('demo data lacks an unshipped order')
    return order.orderNo
  }

  it('shows an action confirmed in the chat linked to the ticket, to the shopper and to agents, once', async () => {
    const me = await guest(app)
    const ticket = await submit(app, me, pointsBody())
    expect((await as(me, 'POST', '/api/chat/link', { ticketId: ticket.id })).statusCode).toBe(200)
    const orderNo = await paidOrder(me)
    const body = { kind: 'urge_shipment', orderNo, idempotencyKey: key() }
    expect((await as(me, 'POST', '/api/chat/actions', body)).statusCode).toBe(200)
    // A retried confirmation must not add a second entry.
    expect((await as(me, 'POST', '/api/chat/actions', body)).json()).toMatchObject({ replayed: true })

    const mine = actionsOn((await as(me, 'GET', `/api/tickets/${ticket.id}`)).json().timeline)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ actor: { role: 'shopper' }, internal: false })
    expect(mine[0].text).toContain(orderNo)
    const theirs = actionsOn((await as(staff, 'GET', `/api/agent/tickets/${ticket.id}`)).json().timeline)
    expect(theirs.map((e) => e.text)).toEqual(mine.map((e) => e.text))
  })

  it('keeps the timeline in order with the ticket’s own events', async () => {
    const me = await guest(app)
    const ticket = await submit(app, me, pointsBody())
    await as(me, 'POST', '/api/chat/link', { ticketId: ticket.id })
    await as(me, 'POST', '/api/chat/actions', { kind: 'urge_shipment', orderNo: await paidOrder(me), idempotencyKey: key() })
    const timeline: TimelineEvent[] = (await as(me, 'GET', `/api/tickets/${ticket.id}`)).json().timeline
    expect(timeline.map((e) => e.type)).toEqual(['created', 'self_service'])
    const times = timeline.map((e) => e.createdAt)
    expect([...times].sort()).toEqual(times)
  })

  it('leaves tickets the chat is not linked to, and other shoppers’ tickets, untouched', async () => {
    const me = await guest(app)
    const other = await guest(app)
    const unlinked = await submit(app, me, pointsBody())
    const theirs = await submit(app, other, pointsBody())
    // An open chat with no ticket linked: the action shows in the chat only.
    await current(app, me)
    await as(me, 'POST', '/api/chat/actions', { kind: 'urge_shipment', orderNo: await paidOrder(me), idempotencyKey: key() })
    expect(actionsOn((await as(me, 'GET', `/api/tickets/${unlinked.id}`)).json().timeline)).toEqual([])
    // Linking to someone else's ticket is refused, so their timeline never shows my actions.
    expect((await as(me, 'POST', '/api/chat/link', { ticketId: theirs.id })).statusCode).toBe(400)
    expect(actionsOn((await as(other, 'GET', `/api/tickets/${theirs.id}`)).json().timeline)).toEqual([])
  })
})
