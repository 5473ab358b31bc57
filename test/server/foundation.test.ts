import type { FastifyInstance } from 'fastify'
import { buildTestApp, guest } from '../support/server'

describe(`server foundation (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  it('reports health with the database in use', async () => {
    const res = await app.inject('/healthz')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'sqlite' })
  })

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await app.inject('/api/nothing-here')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining('/api/nothing-here') } })
  })

  it('names the field on a validation error', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/guest', payload: { deviceSecret: 'x' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.deviceSecret' })
  })

  it('rejects a malformed JSON body with 400, not 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/guest',
      headers: { 'content-type': 'application/json' },
      payload: '{"deviceSecret":',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBeDefined()
    expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/)
  })

  it('signs a guest in, knows them by token, and revokes the token on logout', async () => {
    const first = await guest(app)
    const { authorization } = first
    const again = await guest(app, first.deviceSecret)
    const me = await app.inject({ url: '/api/auth/me', headers: { authorization } })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ role: 'shopper', id: again.userId })
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization } })).statusCode).toBe(204)
    expect((await app.inject({ url: '/api/auth/me', headers: { authorization } })).statusCode).toBe(401)
  })

  it('publishes an OpenAPI document listing the routes', async () => {
    const res = await app.inject('/docs/json')
    expect(res.statusCode).toBe(200)
    expect(Object.keys(res.json().paths)).toEqual(expect.arrayContaining(['/healthz', '/api/auth/guest', '/api/auth/agent']))
  })
})
