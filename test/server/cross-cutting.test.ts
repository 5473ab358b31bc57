import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { enqueueNotification } from '../../server/features/notifications/notifications.repository'
import { buildTestApp, guest } from '../support/server'
import { agent } from '../support/tickets'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`rate limits (${db})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp({ rateLimitMax: 5 })
  })
  afterAll(() => app.close())

  it('answers 429 RATE_LIMITED per token, without touching another token’s budget', async () => {
    const a = await guest(app)
    const b = await guest(app)
    const me = (authorization: string) => app.inject({ url: '/api/auth/me', headers: { authorization }, remoteAddress: '10.0.0.1' })
    for (let i = 0; i < 5; i++) expect((await me(a.authorization)).statusCode).toBe(200)
    const limited = await me(a.authorization)
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: expect.stringMatching(/try again in \d+ s/), params: { seconds: expect.any(Number) } },
    })
    expect(limited.headers['retry-after']).toBeDefined()
    expect((await me(b.authorization)).statusCode).toBe(200)
  })

  it('limits anonymous callers per IP, and made-up tokens do not earn a fresh budget', async () => {
    const health = (ip: string, authorization?: string) =>
      app.inject({ url: '/healthz', remoteAddress: ip, headers: authorization ? { authorization } : {} })
    for (let i = 0; i < 5; i++) expect((await health('10.0.0.2', `Bearer fake-${i}`)).statusCode).toBe(200)
    expect((await health('10.0.0.2')).statusCode).toBe(429)
    expect((await health('10.0.0.2', 'Bearer another-fake')).statusCode).toBe(429)
    expect((await health('10.0.0.3')).statusCode).toBe(200)
  })
})

describe(`security headers, body size and pagination limits (${db})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  it('documents the upload, subscription and outbox routes in OpenAPI', async () => {
    const doc = (await app.inject('/docs/json')).json()
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/uploads', '/api/uploads/{id}', '/api/subscriptions', '/api/agent/notifications']),
    )
    expect(Object.keys(doc.paths['/api/uploads'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '413', '415']))
  })

  it('sends the security headers on API answers', async () => {
    const res = await app.inject('/healthz')
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
      'referrer-policy': 'no-referrer',
      'cross-origin-resource-policy': 'same-site',
    })
    expect(res.headers['x-powered-by']).toBeUndefined()
  })

  it('refuses a JSON body over 1 MB with a 413 in the error shape', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/guest',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ deviceSecret: 'x'.repeat(1024 * 1024 + 10) }),
    })
    expect(res.statusCode).toBe(413)
    expect(res.json()).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } })
  })

  it('caps page sizes at 100 and pages through the notification outbox with a cursor', async () => {
    const staff = await agent(app)
    const shopper = await guest(app)
    const ticketId = crypto.randomUUID()
    for (let i = 0; i < 5; i++) {
      await enqueueNotification(app.db, { userId: shopper.userId, ticketId, event: 'replied', title: `回复 ${i}`, body: '…' })
    }
    const get = (query: string) => app.inject({ url: `/api/agent/notifications?${query}`, headers: { authorization: staff.authorization } })
    const tooBig = await get('limit=101')
    expect(tooBig.statusCode).toBe(400)
    expect(tooBig.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.limit' })
    expect((await get('limit=0')).statusCode).toBe(400)

    const seen: string[] = []
    let cursor: string | null = ''
    for (let pages = 0; cursor !== null; pages++) {
      const res = await get(`ticketId=${ticketId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      expect(res.statusCode).toBe(200)
      const page = res.json() as { items: Array<{ id: string }>; nextCursor: string | null }
      expect(page.items.length).toBeLessThanOrEqual(2)
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
      expect(pages).toBeLessThan(5)
    }
    expect(seen).toHaveLength(5)
    expect(new Set(seen).size).toBe(5)
  })
})
