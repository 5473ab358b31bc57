import type { FastifyInstance } from 'fastify'
import { buildTestApp, guest } from '../support/server'
import { agent, as, move, pointsBody, submit, uploads, type Who } from '../support/tickets'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`who sees which ticket (${db})`, () => {
  let app: FastifyInstance
  let owner: Who
  let stranger: Who
  let staff: Who
  let ticketId: string
  beforeAll(async () => {
    app = await buildTestApp()
    owner = await guest(app)
    stranger = await guest(app)
    staff = await agent(app)
    ticketId = (await submit(app, owner, pointsBody())).id
    await move(app, staff, ticketId, { to: 'in_progress' })
    await move(app, staff, ticketId, { to: 'resolved', resolutionSummary: '积分已补发' })
  })
  afterAll(() => app.close())

  const call = (who: Who | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: who ? { authorization: who.authorization } : {}, ...(payload ? { payload } : {}) })

  // Every row has four entries: jest passes `done` in place of a missing last argument.
  const shopperRoutes: [string, 'GET' | 'POST' | 'PUT', string, Record<string, unknown> | undefined][] = [
    ['detail', 'GET', '', undefined],
    ['reply', 'POST', '/replies', { text: '你好' }],
    ['confirm', 'POST', '/confirm', undefined],
    ['reopen', 'POST', '/reopen', { reason: '问题又出现了' }],
    ['rating', 'POST', '/rating', { score: 5 }],
    ['rating change', 'PUT', '/rating', { score: 4 }],
    ['escalate', 'POST', '/escalate', { reason: '一直没有解决' }],
    ['contact', 'PUT', '/contact', { phone: '13800138000' }],
  ]

  it.each(shopperRoutes)("answers 404 for another shopper's ticket: %s", async (_name, method, suffix, payload) => {
    const res = await call(stranger, method, `/api/tickets/${ticketId}${suffix}`, payload)
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('NOT_FOUND')
  })

  it('left the ticket untouched after the stranger tried everything', async () => {
    const t = (await call(owner, 'GET', `/api/tickets/${ticketId}`)).json()
    expect(t).toMatchObject({ status: 'resolved', rating: null, escalated: false, contact: {} })
    expect(t.timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'accepted', 'resolved'])
  })

  it("does not list another shopper's tickets", async () => {
    const res = await call(stranger, 'GET', '/api/tickets')
    expect(res.json()).toEqual({ items: [], nextCursor: null })
  })

  it('answers 404 for an unknown ticket and 400 for a malformed id', async () => {
    expect((await call(owner, 'GET', '/api/tickets/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404)
    const bad = await call(owner, 'GET', '/api/tickets/not-a-uuid')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.field).toBe('params.id')
  })

  it.each([
    ['GET', '/api/agent/tickets'],
    ['GET', '/api/agent/tickets/stats'],
    ['GET', `/api/agent/tickets/00000000-0000-4000-8000-000000000000`],
    ['POST', `/api/agent/tickets/00000000-0000-4000-8000-000000000000/transition`],
    ['POST', `/api/agent/tickets/00000000-0000-4000-8000-000000000000/replies`],
  ] as const)('refuses a shopper on %s %s with 403', async (method, url) => {
    const payload = method === 'POST' ? { to: 'in_progress', text: 'x' } : undefined
    const res = await call(owner, method, url, payload)
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('FORBIDDEN')
  })

  it('refuses agents on shopper routes with 403 and everyone signed out with 401', async () => {
    expect((await call(staff, 'GET', '/api/tickets')).statusCode).toBe(403)
    expect((await call(null, 'GET', '/api/tickets')).statusCode).toBe(401)
    expect((await call(null, 'GET', '/api/agent/tickets')).statusCode).toBe(401)
  })

  it('never shows internal notes to the shopper', async () => {
    const { id } = await submit(app, owner, pointsBody())
    const [file] = await uploads(app, staff, 1)
    const note = await call(staff, 'POST', `/api/agent/tickets/${id}/replies`, {
      text: '内部：该用户上月已补发过一次',
      attachments: [{ uploadId: file, kind: 'other' }],
      internal: true,
    })
    expect(note.statusCode).toBe(200)
    expect(note.json().timeline.at(-1)).toMatchObject({ type: 'internal_note', internal: true, text: '内部：该用户上月已补发过一次' })
    expect(note.json().status).toBe('submitted')
    const seen = await call(owner, 'GET', `/api/tickets/${id}`)
    expect(seen.body).not.toContain('内部')
    expect(seen.body).not.toContain(file)
    expect(seen.json().timeline.every((e: { internal: boolean }) => !e.internal)).toBe(true)
    const outbox = await app.db.selectFrom('notification_outbox').selectAll().where('ticket_id', '=', id).execute()
    expect(outbox).toHaveLength(0)
  })

  it("refuses attachments that are not the sender's own, naming the field", async () => {
    const { id } = await submit(app, owner, pointsBody())
    const [shopperFile] = await uploads(app, owner, 1)
    const [strangerFile] = await uploads(app, stranger, 1)
    const byAgent = await call(staff, 'POST', `/api/agent/tickets/${id}/replies`, {
      text: '见附件',
      attachments: as('other', [shopperFile]),
    })
    expect(byAgent.statusCode).toBe(400)
    expect(byAgent.json().error).toMatchObject({ code: 'ATTACHMENT_NOT_FOUND', field: 'body.attachments.0.uploadId' })
    const byShopper = await call(owner, 'POST', `/api/tickets/${id}/replies`, {
      text: '补充',
      attachments: as('photos', [shopperFile, strangerFile]),
    })
    expect(byShopper.json().error).toMatchObject({ code: 'ATTACHMENT_NOT_FOUND', field: 'body.attachments.1.uploadId' })
    const ok = await call(owner, 'POST', `/api/tickets/${id}/replies`, { text: '补充', attachments: as('photos', [shopperFile]) })
    expect(ok.json().timeline.at(-1)).toMatchObject({
      type: 'reply',
      attachments: [{ uploadId: shopperFile, kind: 'photos', url: expect.stringContaining(`/api/uploads/${shopperFile}?`) }],
    })
  })

  it('lets the shopper open files the agent attached to a public reply, through the signed link only', async () => {
    const { id } = await submit(app, owner, pointsBody())
    const [file] = await uploads(app, staff, 1)
    const res = await call(staff, 'POST', `/api/agent/tickets/${id}/replies`, { text: '请参考示意图', attachments: as('other', [file]) })
    expect(res.statusCode).toBe(200)
    const seen = (await call(owner, 'GET', `/api/tickets/${id}`)).json()
    const url: string = seen.timeline.at(-1).attachments[0].url
    expect(url).toMatch(new RegExp(`^/api/uploads/${file}\\?exp=\\d+&sig=`))
    const image = await app.inject({ url })
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toBe('image/png')
    expect((await call(owner, 'GET', `/api/uploads/${file}`)).statusCode).toBe(404)
  })

  it('refuses an empty reply naming the text field', async () => {
    const { id } = await submit(app, owner, pointsBody())
    const res = await call(owner, 'POST', `/api/tickets/${id}/replies`, { text: '   ' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'FIELD_REQUIRED', field: 'body.text' })
  })

  it('shows agents the shopper, the assignee and internal notes', async () => {
    const res = await call(staff, 'GET', `/api/agent/tickets/${ticketId}`)
    expect(res.json()).toMatchObject({
      shopper: { id: owner.userId, displayName: expect.stringMatching(/^访客·[0-9A-F]{4}$/) },
      assignee: { id: staff.userId, displayName: '小艾' },
      complaint: null,
    })
  })
})
