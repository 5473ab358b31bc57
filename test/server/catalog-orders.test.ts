import type { FastifyInstance } from 'fastify'
import { ORDER_NO_PATTERN, SUBTYPES, TRACKING_NO_PATTERN } from '../../types/catalog-data'
import type { Order } from '../../types/order'
import { buildTestApp, guest } from '../support/server'
import { agent } from '../support/tickets'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`catalog and orders (${db})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp({
      tickets: {
        hotline: '400-800-1234',
        email: 'help@shop.example.cn',
        sla: { firstResponseHours: 12, resolutionHours: 48, autoCloseDays: 7 },
        subscribeTemplates: { accepted: 'TPL_accepted_123', replied: 'TPL_replied_1234', resolved: 'TPL_resolved_123' },
        sweepIntervalMs: 0,
      },
    })
  })
  afterAll(() => app.close())

  it('serves the catalog without sign-in, with configured channels, SLA and template ids', async () => {
    const res = await app.inject('/api/catalog')
    expect(res.statusCode).toBe(200)
    const c = res.json()
    expect(c.serviceTypes.map((t: { id: string }) => t.id)).toEqual(['order', 'product', 'logistics', 'payment', 'member'])
    expect(c.subtypes).toHaveLength(SUBTYPES.length)
    expect(c.subtypes.find((s: { id: string }) => s.id === 'damaged')).toMatchObject({
      serviceType: 'product',
      requiredFields: ['orderNo', 'productName', 'description'],
      evidence: [{ kind: 'photos', minFiles: 2, maxFiles: 9 }],
    })
    expect(c.channels.find((ch: { id: string }) => ch.id === 'hotline').value).toBe('400-800-1234')
    expect(c.channels.find((ch: { id: string }) => ch.id === 'email').value).toBe('help@shop.example.cn')
    expect(c.sla).toEqual({ firstResponseHours: 12, resolutionHours: 48, autoCloseDays: 7 })
    expect(c.subscribeTemplates).toEqual({ accepted: 'TPL_accepted_123', replied: 'TPL_replied_1234', resolved: 'TPL_resolved_123' })
    expect(new RegExp(c.patterns.orderNo).test('202611261234560001')).toBe(true)
  })

  it('uses the configured SLA for new tickets', async () => {
    const shopper = await guest(app)
    const res = await app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { authorization: shopper.authorization, 'idempotency-key': 'sla-test-key-1' },
      payload: { serviceType: 'member', subtype: 'level', description: '等级没有升级' },
    })
    const t = res.json()
    expect(Date.parse(t.firstResponseDueAt) - Date.parse(t.createdAt)).toBe(12 * 3_600_000)
    expect(Date.parse(t.resolutionDueAt) - Date.parse(t.createdAt)).toBe(48 * 3_600_000)
  })

  it("lists the shopper's demo orders: stable, well-formed, newest first", async () => {
    const shopper = await guest(app)
    const res = await app.inject({ url: '/api/orders', headers: { authorization: shopper.authorization } })
    expect(res.statusCode).toBe(200)
    const orders: Order[] = res.json().items
    expect(orders.length).toBeGreaterThanOrEqual(3)
    expect(orders.length).toBeLessThanOrEqual(6)
    for (const o of orders) {
      expect(o.orderNo).toMatch(ORDER_NO_PATTERN)
      expect(o.amount.fen).toBe(o.items.reduce((s, it) => s + it.quantity * it.unitPrice.fen, 0))
      expect(o.amount.yuan).toBe((o.amount.fen / 100).toFixed(2))
      if (o.logistics) expect(o.logistics.trackingNo).toMatch(TRACKING_NO_PATTERN)
    }
    expect(orders[0]).toMatchObject({ status: 'paid', logistics: null })
    expect([...orders].sort((a, b) => b.paidAt.localeCompare(a.paidAt))).toEqual(orders)
    const again = await app.inject({ url: '/api/orders', headers: { authorization: shopper.authorization } })
    expect(again.json()).toEqual(res.json())
    const other = await guest(app)
    const theirs = await app.inject({ url: '/api/orders', headers: { authorization: other.authorization } })
    expect(theirs.json().items[0].orderNo).not.toBe(orders[0].orderNo)
  })

  it('keeps orders for shoppers: agents get 403, signed-out 401', async () => {
    const staff = await agent(app)
    expect((await app.inject({ url: '/api/orders', headers: { authorization: staff.authorization } })).statusCode).toBe(403)
    expect((await app.inject('/api/orders')).statusCode).toBe(401)
  })

  it('documents every ticket route in OpenAPI', async () => {
    const paths = Object.keys((await app.inject('/docs/json')).json().paths)
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/catalog',
        '/api/orders',
        '/api/tickets',
        '/api/tickets/{id}',
        '/api/tickets/{id}/replies',
        '/api/tickets/{id}/confirm',
        '/api/tickets/{id}/reopen',
        '/api/tickets/{id}/rating',
        '/api/tickets/{id}/escalate',
        '/api/tickets/{id}/contact',
        '/api/agent/tickets',
        '/api/agent/tickets/stats',
        '/api/agent/tickets/{id}',
        '/api/agent/tickets/{id}/transition',
        '/api/agent/tickets/{id}/replies',
      ]),
    )
  })
})
