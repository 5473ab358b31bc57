import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, guest } from '../support/server'
import { say } from '../support/chat'
import { agent, pointsBody, submit, uploads } from '../support/tickets'

type Caller = 'anonymous' | 'shopperA' | 'shopperB' | 'agent'
type Expect = 'ok' | '401' | '403' | '404'
const CALLERS: Caller[] = ['anonymous', 'shopperA', 'shopperB', 'agent']

const matrix = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/access-matrix.json'), 'utf8')) as {
  routes: Record<string, Record<Caller, Expect> & { body?: unknown; query?: string }>
}

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
const isApiRoute = (r: string) => !/ \/docs/.test(r) && !r.endsWith('*')
const routeKeys = (app: FastifyInstance) => app.routeTable.map((r) => r.key).filter(isApiRoute)

/** What a status means for access: reached the handler, or which refusal. */
function classify(status: number): Expect | 'server error' {
  if (status >= 500) return 'server error'
  if (status === 401 || status === 403 || status === 404) return String(status) as Expect
  return 'ok'
}

describe(`access matrix from the route table (${db})`, () => {
  let app: FastifyInstance
  const auth: Partial<Record<Caller, string>> = {}
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    // With message push configured, so its signature check is what answers.
    app = await buildTestApp({ wechatPushToken: 'matrixtoken' })
    const a = await guest(app)
    const b = await guest(app)
    const staff = await agent(app)
    auth.shopperA = a.authorization
    auth.shopperB = b.authorization
    auth.agent = staff.authorization
    ids.ticket = (await submit(app, a, pointsBody())).id
    ids.upload = (await uploads(app, a, 1))[0]
    const orders = await app.inject({ method: 'GET', url: '/api/orders', headers: { authorization: a.authorization } })
    ids.order = (orders.json() as { items: { orderNo: string }[] }).items[0].orderNo
    await say(app, a, '你好')
    ids.conversation = (
      await app.db.selectFrom('chat_conversations').select('id').where('shopper_id', '=', a.userId).executeTakeFirstOrThrow()
    ).id
    ids.caseNo = (
      await app.db.selectFrom('chat_conversations').select('case_no').where('id', '=', ids.conversation).executeTakeFirstOrThrow()
    ).case_no!
  })
  afterAll(() => app.close())

  function urlFor(route: string): string {
    const [, url] = route.split(' ')
    const id = url.startsWith('/api/uploads/') ? ids.upload : url.includes('/conversations/') ? ids.conversation : ids.ticket
    const query = matrix.routes[route]?.query?.replaceAll('{caseA}', ids.caseNo)
    return url.replace(':id', id).replace(':caseNo', ids.caseNo) + (query ? `?${query}` : '')
  }

  /** The route's body with `{orderA}` standing for shopper A's own order number. */
  function bodyFor(route: string): object {
    const body = JSON.stringify(matrix.routes[route]?.body ?? {})
    return JSON.parse(body.replaceAll('{orderA}', ids.order)) as object
  }

  it('has an entry for every route the server registers, and none for routes that are gone', () => {
    const registered = routeKeys(app)
    expect(registered.filter((r) => !matrix.routes[r])).toEqual([])
    expect(Object.keys(matrix.routes).filter((r) => !registered.includes(r))).toEqual([])
  })

  it('answers every route × caller as the matrix says, never with a 5xx', async () => {
    // Sign-out last, so the callers keep their sessions for everything else.
    const routes = routeKeys(app).sort((x, y) => Number(x.endsWith('/logout')) - Number(y.endsWith('/logout')))
    const mismatches: string[] = []
    for (const route of routes) {
      const method = route.split(' ')[0] as 'GET' | 'POST' | 'PUT'
      for (const caller of CALLERS) {
        const headers = auth[caller as keyof typeof auth] ? { authorization: auth[caller as keyof typeof auth]! } : {}
        const res = await app.inject({
          method,
          url: urlFor(route),
          headers,
          ...(method === 'GET' ? {} : { payload: bodyFor(route) }),
        })
        const got = classify(res.statusCode)
        const want = matrix.routes[route]?.[caller]
        if (got !== want) mismatches.push(`${route} as ${caller}: expected ${want}, got ${res.statusCode} ${res.body.slice(0, 120)}`)
        if (res.statusCode >= 400)
          expect(res.json()).toEqual({ error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }) })
      }
    }
    expect(mismatches).toEqual([])
  })
})
