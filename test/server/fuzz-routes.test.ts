import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, guest } from '../support/server'
import { say } from '../support/chat'
import { agent, pointsBody, submit } from '../support/tickets'
import { fieldsOf, HOSTILE_VALUES, toJson, toQuery, valueFor } from '../support/schema-arbitrary'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
/** Generated requests per route and caller; enough to hit each hostile value, small enough for two cores. */
const RUNS = 20

describe(`fuzzing every route's schema (${db})`, () => {
  let app: FastifyInstance
  const callers: Record<string, string> = {}
  let ticketId = ''

  beforeAll(async () => {
    app = await buildTestApp()
    const shopper = await guest(app)
    callers.shopper = shopper.authorization
    callers.agent = (await agent(app)).authorization
    ticketId = (await submit(app, shopper, pointsBody())).id
    await say(app, shopper, '你好')
  })
  afterAll(() => app.close())

  async function send(route: (typeof app.routeTable)[number], caller: string, id: string, query: unknown, body: unknown) {
    const url = route.url.replace(':id', pathSegment(id)) + toQuery(query)
    const headers: Record<string, string> = callers[caller] ? { authorization: callers[caller] } : {}
    const res = await app.inject({
      method: route.method as 'GET',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      ...(route.method === 'GET' ? {} : { payload: toJson(body) }),
    })
    const ok = res.statusCode < 500 && (res.statusCode < 400 || isErrorShape(res.body))
    return {
      ok,
      line: `${route.key} ${url} ${route.method === 'GET' ? '' : toJson(body).slice(0, 80)} → ${res.statusCode} ${res.body.slice(0, 160)}`,
    }
  }

  it('survives every hostile value in every single field of every route', async () => {
    const routes = app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.endsWith('/logout'))
    const failures: string[] = []
    for (const route of routes) {
      const caller = route.url.startsWith('/api/agent/') ? 'agent' : 'shopper'
      for (const value of HOSTILE_VALUES) {
        for (const field of fieldsOf(route.schema.querystring as never)) {
          const r = await send(route, caller, ticketId, { [field]: value }, {})
          if (!r.ok) failures.push(r.line)
        }
        if (route.method !== 'GET') {
          for (const field of fieldsOf(route.schema.body as never)) {
            const r = await send(route, caller, ticketId, {}, { [field]: value })
            if (!r.ok) failures.push(r.line)
          }
        }
        if (route.url.includes(':id') && typeof value === 'string') {
          const r = await send(route, caller, value, {}, {})
          if (!r.ok) failures.push(r.line)
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('answers every generated request without a 5xx, every error in the one shape', async () => {
    const routes = app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.endsWith('/logout'))
    const failures: string[] = []
    let requests = 0
    for (const route of routes) {
      const arb = fc.record({
        caller: fc.constantFrom('shopper', 'agent', 'none'),
        params: valueFor(route.schema.params as never),
        query: valueFor(route.schema.querystring as never),
        body: valueFor(route.schema.body as never),
        realId: fc.boolean(),
      })
      await fc
        .assert(
          fc.asyncProperty(arb, async (input) => {
            const params = (input.params && typeof input.params === 'object' ? input.params : {}) as Record<string, unknown>
            const id = input.realId ? ticketId : String(params.id ?? 'x')
            const url = route.url.replace(':id', encodeURIComponent(id)) + toQuery(input.query)
            const headers: Record<string, string> = callers[input.caller] ? { authorization: callers[input.caller] } : {}
            const res = await app.inject({
              method: route.method as 'GET',
              url,
              headers: { ...headers, 'content-type': 'application/json' },
              ...(route.method === 'GET' ? {} : { payload: toJson(input.body) }),
            })
            requests++
            const shaped = res.statusCode < 400 || isErrorShape(res.body)
            if (res.statusCode >= 500 || !shaped) failures.push(`${route.key} ${url} → ${res.statusCode} ${res.body.slice(0, 160)}`)
            return res.statusCode < 500 && shaped
          }),
          { numRuns: RUNS, seed: 20261201, endOnFailure: true },
        )
        .catch(() => undefined)
    }
    expect(requests).toBeGreaterThan(routes.length * RUNS * 0.9)
    expect(failures).toEqual([])
  })
})

/** A path segment; a lone surrogate goes out as the raw (invalid) UTF-8 bytes a hostile client would send. */
function pathSegment(id: string): string {
  try {
    return encodeURIComponent(id)
  } catch {
    return '%ED%A0%80'
  }
}

function isErrorShape(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } }
    return typeof parsed.error?.code === 'string' && typeof parsed.error?.message === 'string'
  } catch {
    return false
  }
}
