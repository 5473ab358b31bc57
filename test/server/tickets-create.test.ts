import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, guest } from '../support/server'
import { as, damagedBody, pointsBody, submit, uploads, type Who } from '../support/tickets'
import { listOrdersFor } from '../../server/features/orders/orders.service'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`creating tickets (${db})`, () => {
  let app: FastifyInstance
  let shopper: Who
  beforeAll(async () => {
    app = await buildTestApp()
    shopper = await guest(app)
  })
  afterAll(() => app.close())

  const post = (body: unknown, key: string | null = crypto.randomUUID(), who: Who = shopper) =>
    app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { authorization: who.authorization, ...(key ? { 'idempotency-key': key } : {}) },
      payload: body as Record<string, unknown>,
    })

  it('creates a damaged-goods ticket with its photos, SLA due times and a first timeline entry', async () => {
    const body = await damagedBody(app, shopper)
    const res = await post(body)
    expect(res.statusCode).toBe(201)
    const t = res.json()
    expect(t).toMatchObject({
      serviceType: 'product',
      subtype: 'damaged',
      orderNo: body.orderNo,
      status: 'submitted',
      group: 'active',
      priority: 'normal',
      overdue: false,
      firstRespondedAt: null,
      actions: { reply: true, confirm: false, reopen: false, rate: false, escalate: false },
    })
    expect(t.ticketNo).toMatch(/^T\d{14}$/)
    expect(t.attachments).toEqual(
      body.attachments.map((a) => ({ ...a, url: expect.stringMatching(new RegExp(`^/api/uploads/${a.uploadId}\\?exp=\\d+&sig=`)) })),
    )
    expect(Date.parse(t.firstResponseDueAt) - Date.parse(t.createdAt)).toBe(24 * 3_600_000)
    expect(Date.parse(t.resolutionDueAt) - Date.parse(t.createdAt)).toBe(72 * 3_600_000)
    expect(t.timeline).toEqual([
      expect.objectContaining({ type: 'created', toStatus: 'submitted', actor: { role: 'shopper', name: '访客' } }),
    ])
  })

  it.each([
    ['orderNo', { orderNo: undefined }, 'FIELD_REQUIRED'],
    ['orderNo', { orderNo: '   ' }, 'FIELD_REQUIRED'],
    ['productName', { productName: undefined }, 'FIELD_REQUIRED'],
    ['description', { description: '   ' }, 'FIELD_REQUIRED'],
    ['orderNo', { orderNo: '12345' }, 'INVALID_ORDER_NO'],
    ['outcome', { outcome: 'pay_again' }, 'OUTCOME_NOT_ALLOWED'],
    ['subtype', { serviceType: 'payment' }, 'SUBTYPE_MISMATCH'],
    ['purchasedAt', { purchasedAt: '2999-01-01' }, 'VALIDATION_FAILED'],
    ['purchasedAt', { purchasedAt: 'yesterday' }, 'VALIDATION_FAILED'],
    ['attachments', { attachments: [] }, 'EVIDENCE_REQUIRED'],
    ['contact.email', { contact: { email: 'not-an-email' } }, 'VALIDATION_FAILED'],
    ['contact.phone', { contact: { phone: '12345' } }, 'VALIDATION_FAILED'],
    ['serviceType', { serviceType: 'weather' }, 'VALIDATION_FAILED'],
    ['subtype', { subtype: 'broken_heart' }, 'VALIDATION_FAILED'],
  ])('refuses a bad %s with 400 naming it (%j)', async (field, over, code) => {
    const res = await post({ ...(await damagedBody(app, shopper)), ...over })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code, field: `body.${field}` })
  })

  it('names the missing evidence kind and how many files it needs', async () => {
    const res = await post({ ...(await damagedBody(app, shopper)), attachments: as('photos', await uploads(app, shopper, 1)) })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({
      code: 'EVIDENCE_REQUIRED',
      field: 'body.attachments',
      details: { kind: 'photos', minFiles: 2, got: 1 },
    })
    const wrongKind = await post({ ...(await damagedBody(app, shopper)), attachments: as('other', await uploads(app, shopper, 2)) })
    expect(wrongKind.json().error.details).toMatchObject({ kind: 'photos', got: 0 })
  })

  it('asks logistics problems for a logistics screenshot and payment problems for a payment screenshot', async () => {
    const [order] = await listOrdersFor(shopper.userId)
    const base = { orderNo: order.orderNo, description: '物流一周没有更新', attachments: [] }
    const logistics = await post({ ...base, serviceType: 'logistics', subtype: 'delayed' })
    expect(logistics.json().error).toMatchObject({ code: 'EVIDENCE_REQUIRED', details: { kind: 'logistics_info' } })
    const payment = await post({ ...base, serviceType: 'payment', subtype: 'payment_failed' })
    expect(payment.json().error).toMatchObject({ code: 'EVIDENCE_REQUIRED', details: { kind: 'payment_screenshot' } })
    const ok = await post({
      ...base,
      serviceType: 'payment',
      subtype: 'payment_failed',
      attachments: as('payment_screenshot', await uploads(app, shopper, 1)),
    })
    expect(ok.statusCode).toBe(201)
  })

  it("refuses someone else's upload, naming the attachment", async () => {
    const other = await guest(app)
    const [mine] = await uploads(app, shopper, 1)
    const [theirs] = await uploads(app, other, 1)
    const res = await post({ ...(await damagedBody(app, shopper)), attachments: as('photos', [mine, theirs]) })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'ATTACHMENT_NOT_FOUND', field: 'body.attachments.1.uploadId' })
  })

  it("refuses another shopper's order number but accepts one we do not know", async () => {
    const other = await guest(app)
    const [theirs] = await listOrdersFor(other.userId)
    const res = await post({ ...(await damagedBody(app, shopper)), orderNo: theirs.orderNo })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'ORDER_NOT_FOUND', field: 'body.orderNo' })
    const unknown = await post({ ...(await damagedBody(app, shopper)), orderNo: '1234567890123456' })
    expect(unknown.statusCode).toBe(201)
  })

  it('requires an Idempotency-Key header', async () => {
    const res = await post(pointsBody(), null)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.field).toBe('headers.idempotency-key')
  })

  it('returns the same ticket for the same key, and 422 for a different body under that key', async () => {
    const key = crypto.randomUUID()
    const first = await post(pointsBody(), key)
    const again = await post(pointsBody(), key)
    expect(again.statusCode).toBe(201)
    expect(again.headers['idempotent-replayed']).toBe('true')
    expect(again.json().id).toBe(first.json().id)
    const changed = await post(pointsBody('完全不同的问题'), key)
    expect(changed.statusCode).toBe(422)
    expect(changed.json().error).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'headers.idempotency-key' })
  })

  it('keys are per shopper: the same key from another shopper makes their own ticket', async () => {
    const key = crypto.randomUUID()
    const other = await guest(app)
    const a = await submit(app, shopper, pointsBody(), key)
    const b = await submit(app, other, pointsBody(), key)
    expect(b.id).not.toBe(a.id)
  })

  it('creates exactly one ticket under 20 concurrent retries with one key', async () => {
    const who = await guest(app)
    const key = crypto.randomUUID()
    const body = await damagedBody(app, who)
    const results = await Promise.all(Array.from({ length: 20 }, () => post(body, key, who)))
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201))
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1)
    const list = await app.inject({ url: '/api/tickets', headers: { authorization: who.authorization } })
    expect(list.json().items).toHaveLength(1)
  })

  it('lets only shoppers submit', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { 'idempotency-key': crypto.randomUUID() },
      payload: pointsBody(),
    })
    expect(res.statusCode).toBe(401)
  })
})
