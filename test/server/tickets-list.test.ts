import type { FastifyInstance } from 'fastify'
import type { Ticket } from '../../types/ticket'
import { buildTestApp, guest } from '../support/server'
import { age, agent, move, pointsBody, submit, type Who } from '../support/tickets'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`listing tickets (${db})`, () => {
  let app: FastifyInstance
  let shopper: Who
  let staff: Who
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    app = await buildTestApp()
    shopper = await guest(app)
    staff = await agent(app)
    // Seven tickets, oldest first: three new, one in progress, one waiting for the shopper, one resolved, one closed.
    const names = ['new1', 'new2', 'new3', 'working', 'waiting', 'resolved', 'closed']
    for (const [i, name] of names.entries()) {
      ids[name] = (await submit(app, shopper, pointsBody(`问题 ${name}`))).id
      // One second apart, so the newest-first order does not hang on the id tie-break.
      const createdAt = new Date(Date.now() - (names.length - i) * 1000).toISOString()
      await app.db.updateTable('tickets').set({ created_at: createdAt }).where('id', '=', ids[name]).execute()
    }
    for (const name of ['working', 'waiting', 'resolved', 'closed']) await move(app, staff, ids[name], { to: 'in_progress' })
    await move(app, staff, ids.waiting, { to: 'awaiting_customer', message: '请补充截图' })
    for (const name of ['resolved', 'closed']) await move(app, staff, ids[name], { to: 'resolved', resolutionSummary: '已处理' })
    await app.inject({ method: 'POST', url: `/api/tickets/${ids.closed}/confirm`, headers: { authorization: shopper.authorization } })
  })
  afterAll(() => app.close())

  const list = async (who: Who, url: string) => {
    const res = await app.inject({ url, headers: { authorization: who.authorization } })
    expect(res.statusCode).toBe(200)
    return res.json<{ items: Ticket[]; nextCursor: string | null }>()
  }
  const names = (items: { id: string }[]) => items.map((t) => Object.keys(ids).find((k) => ids[k] === t.id))

  it('pages through every ticket newest first without repeats or gaps', async () => {
    const seen: string[] = []
    let url = '/api/tickets?limit=3'
    const pages: number[] = []
    for (;;) {
      const page = await list(shopper, url)
      pages.push(page.items.length)
      seen.push(...page.items.map((t) => t.id))
      if (!page.nextCursor) break
      url = `/api/tickets?limit=3&cursor=${encodeURIComponent(page.nextCursor)}`
    }
    expect(pages).toEqual([3, 3, 1])
    expect(names(seen.map((id) => ({ id })))).toEqual(['closed', 'resolved', 'waiting', 'working', 'new3', 'new2', 'new1'])
  })

  it('filters by status, with open meaning not yet resolved', async () => {
    expect(names((await list(shopper, '/api/tickets?status=open')).items)).toEqual(['waiting', 'working', 'new3', 'new2', 'new1'])
    expect(names((await list(shopper, '/api/tickets?status=resolved')).items)).toEqual(['resolved'])
    expect(names((await list(shopper, '/api/tickets?status=closed')).items)).toEqual(['closed'])
  })

  it('filters by the app tabs: active, awaiting me, done', async () => {
    expect(names((await list(shopper, '/api/tickets?group=active')).items)).toEqual(['working', 'new3', 'new2', 'new1'])
    expect(names((await list(shopper, '/api/tickets?group=awaiting_me')).items)).toEqual(['resolved', 'waiting'])
    expect(names((await list(shopper, '/api/tickets?group=done')).items)).toEqual(['closed'])
    expect((await list(shopper, '/api/tickets?group=done&status=open')).items).toEqual([])
  })

  it('refuses a bad cursor, status or limit naming the query field', async () => {
    for (const [url, field] of [
      ['/api/tickets?cursor=bm9wZQ', 'querystring.cursor'],
      ['/api/tickets?status=lost', 'querystring.status'],
      ['/api/tickets?limit=500', 'querystring.limit'],
      ['/api/tickets?group=mine', 'querystring.group'],
    ]) {
      const res = await app.inject({ url, headers: { authorization: shopper.authorization } })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.field).toBe(field)
    }
  })

  it('gives agents every shopper, filtered by status, service type, overdue and escalation', async () => {
    const other = await guest(app)
    const theirs = await submit(app, other, { ...pointsBody(), serviceType: 'member', subtype: 'account', description: '账号被冻结' })
    const all = await list(staff, '/api/agent/tickets?limit=100')
    expect(all.items.map((t) => t.id)).toContain(theirs.id)
    expect(all.items).toHaveLength(8)
    const open = await list(staff, '/api/agent/tickets?status=submitted')
    expect(open.items.map((t) => t.id)).toEqual([theirs.id, ids.new3, ids.new2, ids.new1])
    expect((await list(staff, '/api/agent/tickets?serviceType=member&status=submitted')).items).toHaveLength(4)
    expect((await list(staff, '/api/agent/tickets?serviceType=order')).items).toHaveLength(0)

    await age(app, ids.new1, 25)
    const overdue = await list(staff, '/api/agent/tickets?overdue=true')
    expect(overdue.items.map((t) => t.id)).toEqual([ids.new1])
    expect(overdue.items[0].overdue).toBe(true)
    expect((await list(staff, '/api/agent/tickets?overdue=false&limit=100')).items).toHaveLength(7)

    await app.inject({
      method: 'POST',
      url: `/api/tickets/${ids.new1}/escalate`,
      headers: { authorization: shopper.authorization },
      payload: { reason: '超时未处理' },
    })
    const escalated = await list(staff, '/api/agent/tickets?escalated=true')
    expect(escalated.items.map((t) => t.id)).toEqual([ids.new1])
    expect(escalated.items[0]).toMatchObject({ priority: 'urgent', complaint: { basis: 'overdue' } })
  })

  it('pages the agent queue with the same cursor rules', async () => {
    const first = await list(staff, '/api/agent/tickets?limit=5')
    const second = await list(staff, `/api/agent/tickets?limit=5&cursor=${encodeURIComponent(first.nextCursor!)}`)
    expect(first.items).toHaveLength(5)
    expect(second.nextCursor).toBeNull()
    const ids1 = new Set(first.items.map((t) => t.id))
    expect(second.items.some((t) => ids1.has(t.id))).toBe(false)
  })

  it('reports stats for the agent overview', async () => {
    await app.inject({
      method: 'POST',
      url: `/api/tickets/${ids.closed}/rating`,
      headers: { authorization: shopper.authorization },
      payload: { score: 4 },
    })
    await app.inject({
      method: 'POST',
      url: `/api/tickets/${ids.resolved}/rating`,
      headers: { authorization: shopper.authorization },
      payload: { score: 1 },
    })
    const res = await app.inject({ url: '/api/agent/tickets/stats', headers: { authorization: staff.authorization } })
    expect(res.statusCode).toBe(200)
    const s = res.json()
    expect(s).toMatchObject({
      total: 8,
      byStatus: { submitted: 4, in_progress: 1, awaiting_customer: 1, resolved: 1, closed: 1 },
      escalated: 1,
      averageRating: 2.5,
      ratedCount: 2,
    })
    expect(s.overdue).toBeGreaterThanOrEqual(1)
    expect(s.averageFirstResponseMinutes).toEqual(expect.any(Number))
    expect(s.averageResolutionMinutes).toBeGreaterThanOrEqual(0)
    const future = await app.inject({
      url: `/api/agent/tickets/stats?since=${new Date(Date.now() + 60_000).toISOString()}`,
      headers: { authorization: staff.authorization },
    })
    expect(future.json()).toMatchObject({ total: 0, averageRating: null, averageFirstResponseMinutes: null })
  })
})
