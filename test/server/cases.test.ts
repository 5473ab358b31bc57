import type { FastifyInstance } from 'fastify'
import type { Case, CaseSearchResult } from '../../types/case'
import type { Conversation } from '../../types/chat'
import { current, say } from '../support/chat'
import { buildTestApp, guest } from '../support/server'
import { agent, move, pointsBody, submit } from '../support/tickets'
import { listOrdersFor } from '../../server/features/orders/orders.service'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
const CASE_NO = /^KF-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/

describe(`case numbers across channels (${dbName})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  const get = (who: { authorization: string }, url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: who.authorization } })

  it('gives a conversation a readable case number that the tickets it leads to share', async () => {
    const shopper = await guest(app)
    const conv: Conversation = await current(app, shopper)
    expect(conv.caseNo).toMatch(CASE_NO)
    await say(app, shopper, '积分没到账')
    const ticket = await submit(app, shopper, { ...pointsBody(), caseNo: conv.caseNo! })
    expect(ticket.caseNo).toBe(conv.caseNo)
    // Typed loosely (lower case, no dashes) it is the same case.
    const again = await submit(app, shopper, { ...pointsBody(), caseNo: conv.caseNo!.toLowerCase().replace(/-/g, '') })
    expect(again.caseNo).toBe(conv.caseNo)

    const desk = await agent(app)
    const res = await get(desk, `/api/agent/cases/${conv.caseNo!.toLowerCase()}`)
    expect(res.statusCode).toBe(200)
    const found = res.json<Case>()
    expect(found.caseNo).toBe(conv.caseNo)
    expect(found.conversations.map((c) => c.id)).toEqual([conv.id])
    expect(found.tickets.map((t) => t.id).sort()).toEqual([ticket.id, again.id].sort())
    expect(found.shopper?.displayName).toMatch(/^访客·/)
  })

  it("never lets a shopper join someone else's case: a foreign or made-up number opens a new one", async () => {
    const owner = await guest(app)
    const theirs = (await current(app, owner)).caseNo!
    const other = await guest(app)
    const ticket = await submit(app, other, { ...pointsBody(), caseNo: theirs })
    expect(ticket.caseNo).toMatch(CASE_NO)
    expect(ticket.caseNo).not.toBe(theirs)
    const junk = await submit(app, other, { ...pointsBody(), caseNo: 'KF-????' })
    expect(junk.caseNo).toMatch(CASE_NO)
  })

  it('names the case in the subject of an email consultation, and lists its notifications', async () => {
    const shopper = await guest(app)
    const ticket = await submit(app, shopper, { ...pointsBody(), channel: 'email', contact: { email: 'buyer@example.com' } })
    const desk = await agent(app)
    expect((await move(app, desk, ticket.id, { to: 'in_progress' })).statusCode).toBe(200)
    const found = (await get(desk, `/api/agent/cases/${ticket.caseNo}`)).json<Case>()
    expect(found.tickets).toEqual([expect.objectContaining({ id: ticket.id, channel: 'email' })])
    expect(found.notifications.length).toBeGreaterThan(0)
    expect(found.notifications[0].title).toContain(`案件号 ${ticket.caseNo}`)
  })

  it('finds cases by order number or contact phone, and says clearly when nothing matches', async () => {
    const shopper = await guest(app)
    const body = { ...pointsBody(), contact: { phone: '13800138000' } }
    const ticket = await submit(app, shopper, body)
    const desk = await agent(app)
    const byPhone = (await get(desk, '/api/agent/cases?q=13800138000')).json<CaseSearchResult>()
    expect(byPhone.items.map((c) => c.caseNo)).toContain(ticket.caseNo)
    // A conversation about an order is found by the order number.
    const conv = await current(app, shopper)
    const [order] = await listOrdersFor(shopper.userId)
    const link = await app.inject({
      method: 'POST',
      url: '/api/chat/link',
      headers: { authorization: shopper.authorization },
      payload: { orderNo: order.orderNo },
    })
    expect(link.statusCode).toBe(200)
    const byOrder = (await get(desk, `/api/agent/cases?q=${order.orderNo}`)).json<CaseSearchResult>()
    expect(byOrder.items).toEqual([expect.objectContaining({ caseNo: conv.caseNo, conversations: 1 })])
    expect((await get(desk, '/api/agent/cases?q=KF-2222-22')).json()).toEqual({ items: [] })
    const missing = await get(desk, '/api/agent/cases/KF-2222-22')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('CASE_NOT_FOUND')
    const bad = await get(desk, '/api/agent/cases/hello')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({ code: 'BAD_CASE_NO', field: 'params.caseNo' })
  })

  it("lists the self-service actions confirmed in the case's conversations", async () => {
    const shopper = await guest(app)
    const conv = await current(app, shopper)
    const order = (await listOrdersFor(shopper.userId)).find((o) => o.logistics)!
    const body = { kind: 'track_parcel', orderNo: order.orderNo, idempotencyKey: 'case-track-1' }
    const confirm = () =>
      app.inject({ method: 'POST', url: '/api/chat/actions', headers: { authorization: shopper.authorization }, payload: body })
    expect((await confirm()).statusCode).toBe(200)
    // A retried confirmation is the same action, listed once.
    expect((await confirm()).statusCode).toBe(200)
    const found = (await get(await agent(app), `/api/agent/cases/${conv.caseNo}`)).json<Case>()
    expect(found.actions).toEqual([expect.objectContaining({ conversationId: conv.id, kind: 'track_parcel', orderNo: order.orderNo })])
  })

  it('is for agents only', async () => {
    const shopper = await guest(app)
    const caseNo = (await current(app, shopper)).caseNo!
    expect((await get(shopper, `/api/agent/cases/${caseNo}`)).statusCode).toBe(403)
  })
})
