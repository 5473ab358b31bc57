import type { FastifyInstance } from 'fastify'
import { buildTestApp, guest } from '../support/server'
import { age, agent, move, pointsBody, submit, type Who } from '../support/tickets'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`ratings, escalation and contact (${db})`, () => {
  let app: FastifyInstance
  let shopper: Who
  let staff: Who
  beforeAll(async () => {
    app = await buildTestApp()
    shopper = await guest(app)
    staff = await agent(app)
  })
  afterAll(() => app.close())

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { authorization: shopper.authorization }, ...(payload ? { payload } : {}) })

  async function resolvedTicket(): Promise<string> {
    const { id } = await submit(app, shopper, pointsBody())
    await move(app, staff, id, { to: 'in_progress' })
    await move(app, staff, id, { to: 'resolved', resolutionSummary: '积分已补发' })
    return id
  }

  it('takes one rating after resolution and lets it change within 24 hours', async () => {
    const id = await resolvedTicket()
    const rated = await call('POST', `/api/tickets/${id}/rating`, { score: 4, comment: '处理很快', tags: ['fast', 'solved'] })
    expect(rated.statusCode).toBe(200)
    expect(rated.json().rating).toMatchObject({ score: 4, comment: '处理很快', tags: ['fast', 'solved'] })
    expect(Date.parse(rated.json().rating.editableUntil) - Date.parse(rated.json().rating.ratedAt)).toBe(24 * 3_600_000)
    expect(rated.json().actions).toMatchObject({ rate: false, editRating: true })
    const twice = await call('POST', `/api/tickets/${id}/rating`, { score: 1 })
    expect(twice.statusCode).toBe(409)
    expect(twice.json().error.code).toBe('ALREADY_RATED')
    const changed = await call('PUT', `/api/tickets/${id}/rating`, { score: 5, tags: ['friendly'] })
    expect(changed.json().rating).toMatchObject({ score: 5, comment: null, tags: ['friendly'] })
    expect(
      changed
        .json()
        .timeline.slice(-2)
        .map((e: { type: string }) => e.type),
    ).toEqual(['rated', 'rating_updated'])
    await age(app, id, 25)
    const late = await call('PUT', `/api/tickets/${id}/rating`, { score: 1 })
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('RATING_LOCKED')
  })

  it('refuses a rating before resolution, and an unrated change', async () => {
    const { id } = await submit(app, shopper, pointsBody())
    const early = await call('POST', `/api/tickets/${id}/rating`, { score: 5 })
    expect(early.statusCode).toBe(409)
    expect(early.json().error).toMatchObject({ code: 'RATING_NOT_ALLOWED', details: { status: 'submitted' } })
    expect((await call('PUT', `/api/tickets/${id}/rating`, { score: 5 })).json().error.code).toBe('NOT_RATED')
  })

  it.each([
    ['score', { score: 6 }],
    ['score', { score: 0 }],
    ['tags.0', { score: 3, tags: ['rude'] }],
    ['comment', { score: 3, comment: 'x'.repeat(501) }],
  ])('validates the rating %s', async (field, payload) => {
    const id = await resolvedTicket()
    const res = await call('POST', `/api/tickets/${id}/rating`, payload)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.field).toBe(`body.${field}`)
  })

  it('refuses escalation without a reason to escalate', async () => {
    const id = await resolvedTicket()
    const res = await call('POST', `/api/tickets/${id}/escalate`, { reason: '我要投诉' })
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('ESCALATION_NOT_ALLOWED')
    expect((await call('GET', `/api/tickets/${id}`)).json().actions.escalate).toBe(false)
  })

  it('escalates an overdue ticket once: urgent priority, a complaint and a timeline entry', async () => {
    const { id } = await submit(app, shopper, pointsBody())
    await age(app, id, 25)
    const before = (await call('GET', `/api/tickets/${id}`)).json()
    expect(before).toMatchObject({ overdue: true, actions: { escalate: true } })
    const res = await call('POST', `/api/tickets/${id}/escalate`, { reason: '一天了还没人理' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ escalated: true, priority: 'urgent', actions: { escalate: false } })
    expect(res.json().timeline.at(-1)).toMatchObject({ type: 'escalated', text: '一天了还没人理' })
    const seen = await app.inject({ url: `/api/agent/tickets/${id}`, headers: { authorization: staff.authorization } })
    expect(seen.json().complaint).toMatchObject({ reason: '一天了还没人理', basis: 'overdue' })
    const again = await call('POST', `/api/tickets/${id}/escalate`, { reason: '再次投诉' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ALREADY_ESCALATED')
  })

  it('allows escalation after reopening', async () => {
    const id = await resolvedTicket()
    await call('POST', `/api/tickets/${id}/reopen`, { reason: '积分又没了' })
    const res = await call('POST', `/api/tickets/${id}/escalate`, { reason: '反复出现' })
    expect(res.statusCode).toBe(200)
    const seen = await app.inject({ url: `/api/agent/tickets/${id}`, headers: { authorization: staff.authorization } })
    expect(seen.json().complaint.basis).toBe('reopened')
  })

  it('allows escalation after a rating of 2 or less, even once closed, but not after a 3', async () => {
    const low = await resolvedTicket()
    await call('POST', `/api/tickets/${low}/confirm`)
    await call('POST', `/api/tickets/${low}/rating`, { score: 2, tags: ['unsolved'] })
    expect((await call('POST', `/api/tickets/${low}/escalate`, { reason: '问题根本没解决' })).statusCode).toBe(200)
    const ok = await resolvedTicket()
    await call('POST', `/api/tickets/${ok}/rating`, { score: 3 })
    expect((await call('POST', `/api/tickets/${ok}/escalate`, { reason: '一般' })).json().error.code).toBe('ESCALATION_NOT_ALLOWED')
  })

  it('validates and stores contact details', async () => {
    const { id } = await submit(app, shopper, pointsBody())
    const bad = await call('PUT', `/api/tickets/${id}/contact`, { email: 'nobody@' })
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.email' })
    const badPhone = await call('PUT', `/api/tickets/${id}/contact`, { phone: '0101234567' })
    expect(badPhone.json().error.field).toBe('body.phone')
    expect((await call('PUT', `/api/tickets/${id}/contact`, {})).statusCode).toBe(400)
    const ok = await call('PUT', `/api/tickets/${id}/contact`, { email: 'Han.Meimei@Example.com', phone: '+8613900139000' })
    expect(ok.json().contact).toEqual({ email: 'han.meimei@example.com', phone: '13900139000' })
    expect(ok.json().timeline.at(-1).type).toBe('contact_updated')
  })

  it('validates reasons for reopening and escalating', async () => {
    const id = await resolvedTicket()
    const res = await call('POST', `/api/tickets/${id}/reopen`, {})
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.reason' })
  })
})
