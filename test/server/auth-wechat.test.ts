import type { FastifyInstance } from 'fastify'
import { findUserBy } from '../../server/features/auth/auth.repository'
import { FakeWechat } from '../support/fake-wechat'
import { buildTestApp, createTestDatabase, type TestDatabase } from '../support/server'

describe(`POST /api/auth/wechat against WeChat's protocol (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  let fake: FakeWechat
  let database: TestDatabase
  let app: FastifyInstance
  beforeAll(async () => {
    fake = await new FakeWechat().start()
    database = await createTestDatabase()
    app = await buildTestApp(
      { auth: { production: true, wechat: { appId: fake.appId, secret: fake.secret, apiBase: fake.url } } },
      database,
    )
  })
  afterAll(async () => {
    await app.close()
    await database.drop()
    await fake.stop()
  })

  const login = (target: FastifyInstance, code: string) => target.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })

  it('turns a good code into a session for the openid WeChat returns, and the same shopper next time', async () => {
    fake.code('code-good-1', 'oFake_openid_A')
    const res = await login(app, 'code-good-1')
    expect(res.statusCode).toBe(200)
    const session = res.json()
    expect(session.user).toMatchObject({ role: 'shopper' })
    const me = await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${session.token}` } })
    expect(me.json().id).toBe(session.user.id)
    expect((await findUserBy(app.db, 'openid', 'oFake_openid_A'))?.id).toBe(session.user.id)

    fake.code('code-good-2', 'oFake_openid_A')
    expect((await login(app, 'code-good-2')).json().user.id).toBe(session.user.id)
  })

  it('answers 401 WECHAT_CODE_INVALID when WeChat says errcode 40029 (a used or made-up code)', async () => {
    fake.code('code-once', 'oFake_openid_B')
    expect((await login(app, 'code-once')).statusCode).toBe(200)
    const reused = await login(app, 'code-once')
    expect(reused.statusCode).toBe(401)
    expect(reused.json().error.code).toBe('WECHAT_CODE_INVALID')
  })

  it('answers 502 when WeChat cannot be reached', async () => {
    const offline = await buildTestApp(
      { auth: { production: true, wechat: { appId: fake.appId, secret: fake.secret, apiBase: 'http://127.0.0.1:9' } } },
      database,
    )
    const res = await login(offline, 'any')
    await offline.close()
    expect(res.statusCode).toBe(502)
    expect(res.json().error.code).toBe('WECHAT_UNAVAILABLE')
  })

  it('refuses with 503 in production without WeChat credentials, and maps dev codes outside production', async () => {
    const prod = await buildTestApp({ auth: { production: true, wechat: null } }, database)
    const refused = await login(prod, 'whatever')
    await prod.close()
    expect(refused.statusCode).toBe(503)
    expect(refused.json().error.code).toBe('WECHAT_NOT_CONFIGURED')

    const dev = await buildTestApp({ auth: { production: false, wechat: null } }, database)
    const a = await login(dev, 'same-code')
    const b = await login(dev, 'same-code')
    await dev.close()
    expect(a.statusCode).toBe(200)
    expect(b.json().user.id).toBe(a.json().user.id)
  })
})
