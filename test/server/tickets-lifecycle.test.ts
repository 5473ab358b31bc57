import type { FastifyInstance } from 'fastify'
import { TICKET_STATUSES, type TicketStatus } from '../../types/ticket-data'
import { autoCloseResolved } from '../../server/features/tickets/ticket-sweep'
import { transition } from '../../server/features/tickets/ticket-status'
import { buildTestApp, guest } from '../support/server'
import { agent, damagedBody, move, pointsBody, submit, type Who } from '../support/tickets'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`ticket lifecycle (${db})`, () => {
  let app: FastifyInstance
  let shopper: Who
  let staff: Who
  beforeAll(async () => {
    app = await buildTestApp()
    shopper = await guest(app)
    staff = await agent(app)
  })
  afterAll(() => app.close())

  const as = (who: Who, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    app.inject({ method, url, headers: { authorization: who.authorization }, ...(payload ? { payload } : {}) })
  const outbox = (ticketId: string) =>
    app.db.selectFrom('notification_outbox').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').execute()

  /** A fresh ticket brought to `status` through the API. */
  async function ticketIn(status: TicketStatus): Promise<string> {
    const { id } = await submit(app, shopper, pointsBody())
    if (status === 'submitted') return id
    await move(app, staff, id, { to: 'in_progress' })
    if (status === 'awaiting_customer') await move(app, staff, id, { to: 'awaiting_customer', message: '请提供积分明细截图' })
    if (status === 'resolved' || status === 'closed') await move(app, staff, id, { to: 'resolved', resolutionSummary: '积分已补发' })
    if (status === 'closed') await as(shopper, 'POST', `/api/tickets/${id}/confirm`)
    const now = await as(shopper, 'GET', `/api/tickets/${id}`)
    expect(now.json().status).toBe(status)
    return id
  }

  it('walks submitted → in_progress → awaiting_customer → in_progress → resolved → closed with a timeline', async () => {
    const { id } = await submit(app, shopper, pointsBody())
    const accepted = await move(app, staff, id, { to: 'in_progress', message: '您好，已为您受理' })
    expect(accepted.statusCode).toBe(200)
    expect(accepted.json()).toMatchObject({
      status: 'in_progress',
      assignee: { id: staff.userId, displayName: '小艾' },
      firstRespondedAt: expect.any(String),
    })
    await move(app, staff, id, { to: 'awaiting_customer', message: '请提供积分明细截图' })
    const waiting = (await as(shopper, 'GET', `/api/tickets/${id}`)).json()
    expect(waiting).toMatchObject({ status: 'awaiting_customer', group: 'awaiting_me', slaPaused: true, actions: { reply: true } })
    const answered = await as(shopper, 'POST', `/api/tickets/${id}/replies`, { text: '截图如下' })
    expect(answered.json()).toMatchObject({ status: 'in_progress', slaPaused: false })
    const resolved = await move(app, staff, id, { to: 'resolved', resolutionSummary: '已补发 200 积分' })
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolutionSummary: '已补发 200 积分', resolvedAt: expect.any(String) })
    const mine = (await as(shopper, 'GET', `/api/tickets/${id}`)).json()
    expect(mine).toMatchObject({ group: 'awaiting_me', actions: { confirm: true, reopen: true, rate: true, reply: false } })
    expect(Date.parse(mine.autoCloseAt) - Date.parse(mine.resolvedAt)).toBe(7 * 86_400_000)
    const closed = await as(shopper, 'POST', `/api/tickets/${id}/confirm`)
    expect(closed.json()).toMatchObject({ status: 'closed', group: 'done', closedAt: expect.any(String), autoCloseAt: null })
    expect(closed.json().timeline.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'accepted',
      'status_changed',
      'reply',
      'status_changed',
      'resolved',
      'confirmed',
    ])
    expect(closed.json().timeline[2]).toMatchObject({
      fromStatus: 'in_progress',
      toStatus: 'awaiting_customer',
      text: '请提供积分明细截图',
      actor: { role: 'agent', name: '小艾' },
    })
  })

  const pairs = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as const))
  it.each(pairs)('agent move %s → %s is allowed only when the machine allows it', async (from, to) => {
    const id = await ticketIn(from)
    const res = await move(app, staff, id, { to, message: '请补充信息', resolutionSummary: '已处理' })
    if (transition(from, to, 'agent').ok) {
      expect(res.statusCode).toBe(200)
      expect(res.json().status).toBe(to)
    } else {
      expect(res.statusCode).toBe(409)
      expect(res.json()).toEqual({
        error: {
          code: 'ILLEGAL_TRANSITION',
          message: expect.stringContaining(from),
          params: { from, to },
          details: { status: from },
        },
      })
      expect((await as(shopper, 'GET', `/api/tickets/${id}`)).json().status).toBe(from)
    }
  })

  it.each(TICKET_STATUSES.filter((s) => s !== 'resolved'))('shopper cannot confirm or reopen a %s ticket', async (status) => {
    const id = await ticketIn(status)
    for (const [path, payload] of [
      ['confirm', undefined],
      ['reopen', { reason: '问题又出现了' }],
    ] as const) {
      const res = await as(shopper, 'POST', `/api/tickets/${id}/${path}`, payload)
      expect(res.statusCode).toBe(409)
      expect(res.json().error).toMatchObject({ code: 'ILLEGAL_TRANSITION', details: { status } })
    }
  })

  it('requires a message to ask the shopper and a summary to resolve', async () => {
    const id = await ticketIn('in_progress')
    const ask = await move(app, staff, id, { to: 'awaiting_customer' })
    expect(ask.json().error).toMatchObject({ code: 'FIELD_REQUIRED', field: 'body.message' })
    const resolve = await move(app, staff, id, { to: 'resolved', resolutionSummary: '  ' })
    expect(resolve.json().error).toMatchObject({ code: 'FIELD_REQUIRED', field: 'body.resolutionSummary' })
  })

  it('reopens a resolved ticket with a fresh resolution window and higher priority', async () => {
    const id = await ticketIn('resolved')
    const res = await as(shopper, 'POST', `/api/tickets/${id}/reopen`, { reason: '补发的积分又被扣了' })
    expect(res.statusCode).toBe(200)
    const t = res.json()
    expect(t).toMatchObject({ status: 'in_progress', reopenCount: 1, priority: 'high', resolvedAt: null })
    expect(t.timeline.at(-1)).toMatchObject({
      type: 'reopened',
      text: '补发的积分又被扣了',
      fromStatus: 'resolved',
      toStatus: 'in_progress',
    })
    expect(Date.parse(t.resolutionDueAt)).toBeGreaterThan(Date.now() + 71 * 3_600_000)
  })

  it('writes the shopper notification in the same change: accepted, replied (also when asking) and resolved', async () => {
    const { id } = await submit(
      app,
      shopper,
      await damagedBody(app, shopper, { contact: { email: 'Li.Lei@Example.com', phone: '+86 13800138000' } }),
    )
    expect(await outbox(id)).toHaveLength(0)
    await move(app, staff, id, { to: 'in_progress' })
    await as(staff, 'POST', `/api/agent/tickets/${id}/replies`, { text: '内部：联系仓库核实', internal: true })
    await as(staff, 'POST', `/api/agent/tickets/${id}/replies`, { text: '已联系仓库为您换货' })
    await move(app, staff, id, { to: 'awaiting_customer', message: '请确认收货地址' })
    await move(app, staff, id, { to: 'in_progress' })
    await move(app, staff, id, { to: 'resolved', resolutionSummary: '已安排换货' })
    const rows = await outbox(id)
    expect(rows.map((r) => r.event)).toEqual(['accepted', 'replied', 'replied', 'resolved'])
    expect(rows[1]).toMatchObject({
      user_id: shopper.userId,
      body: '已联系仓库为您换货',
      contact_email: 'li.lei@example.com',
      contact_phone: '13800138000',
    })
    expect(rows[2].body).toBe('请确认收货地址')
    expect(rows[3].body).toContain('已安排换货')
    expect(rows.every((r) => !r.body.includes('内部'))).toBe(true)
  })

  it('writes no notification when the status change is refused', async () => {
    const id = await ticketIn('closed')
    const before = (await outbox(id)).length
    expect((await move(app, staff, id, { to: 'resolved', resolutionSummary: 'x' })).statusCode).toBe(409)
    expect(await outbox(id)).toHaveLength(before)
  })

  it('a public agent reply on a new ticket accepts it and counts as the first response', async () => {
    const { id } = await submit(app, shopper, pointsBody())
    const res = await as(staff, 'POST', `/api/agent/tickets/${id}/replies`, { text: '您好，正在为您查询' })
    expect(res.json()).toMatchObject({ status: 'in_progress', firstRespondedAt: expect.any(String), assignee: { id: staff.userId } })
    expect(res.json().timeline.map((e: { type: string }) => e.type)).toEqual(['created', 'accepted', 'reply'])
  })

  it('refuses shopper replies once resolved and agent replies once closed', async () => {
    const resolved = await ticketIn('resolved')
    const r1 = await as(shopper, 'POST', `/api/tickets/${resolved}/replies`, { text: '还有问题' })
    expect(r1.statusCode).toBe(409)
    expect(r1.json().error).toMatchObject({ code: 'REPLY_NOT_ALLOWED', details: { status: 'resolved' } })
    const closed = await ticketIn('closed')
    const r2 = await as(staff, 'POST', `/api/agent/tickets/${closed}/replies`, { text: '补充说明' })
    expect(r2.json().error).toMatchObject({ code: 'REPLY_NOT_ALLOWED', details: { status: 'closed' } })
    const note = await as(staff, 'POST', `/api/agent/tickets/${closed}/replies`, { text: '已归档', internal: true })
    expect(note.statusCode).toBe(200)
  })

  it('auto-closes tickets resolved 7 days ago, and only those', async () => {
    const old = await ticketIn('resolved')
    const fresh = await ticketIn('resolved')
    const working = await ticketIn('in_progress')
    const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000).toISOString()
    await app.db.updateTable('tickets').set({ resolved_at: eightDaysAgo }).where('id', '=', old).execute()
    const closed = await autoCloseResolved(app.db, app.config.tickets.sla)
    expect(closed).toBe(1)
    const t = (await as(shopper, 'GET', `/api/tickets/${old}`)).json()
    expect(t).toMatchObject({ status: 'closed', group: 'done' })
    expect(t.timeline.at(-1)).toMatchObject({
      type: 'auto_closed',
      actor: { role: 'system', name: '系统' },
      fromStatus: 'resolved',
      toStatus: 'closed',
    })
    expect((await as(shopper, 'GET', `/api/tickets/${fresh}`)).json().status).toBe('resolved')
    expect((await as(shopper, 'GET', `/api/tickets/${working}`)).json().status).toBe('in_progress')
    const later = await autoCloseResolved(app.db, app.config.tickets.sla, new Date(Date.now() + 8 * 86_400_000))
    expect(later).toBeGreaterThanOrEqual(1)
    expect((await as(shopper, 'GET', `/api/tickets/${fresh}`)).json().status).toBe('closed')
  })

  it('keeps concurrent agent moves consistent: one accept wins, the rest see the new status', async () => {
    const { id } = await submit(app, shopper, pointsBody())
    const results = await Promise.all(Array.from({ length: 5 }, () => move(app, staff, id, { to: 'in_progress' })))
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409, 409])
    expect(await outbox(id)).toHaveLength(1)
  })
})
