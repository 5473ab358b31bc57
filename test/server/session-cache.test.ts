import type { FastifyInstance } from 'fastify'
import { hashToken } from '../../server/features/auth/auth.service'
import { buildTestApp, guest } from '../support/server'

/** Revokes a token straight in the database, the way another instance's logout would. */
async function revokeElsewhere(app: FastifyInstance, authorization: string): Promise<void> {
  const token = authorization.replace(/^Bearer /, '')
  await app.db.updateTable('sessions').set({ revoked_at: new Date().toISOString() }).where('token_hash', '=', hashToken(token)).execute()
}

describe(`session cache (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp({ sessionCacheMs: 60_000 })
  })
  afterAll(() => app.close())

  it('refuses a logged-out token on the very next request', async () => {
    const { authorization } = await guest(app)
    for (let i = 0; i < 3; i++) expect((await app.inject({ url: '/api/auth/me', headers: { authorization } })).statusCode).toBe(200)
    expect((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization } })).statusCode).toBe(204)
    const after = await app.inject({ url: '/api/auth/me', headers: { authorization } })
    expect(after.statusCode).toBe(401)
    expect(after.json().error.code).toBe('UNAUTHORIZED')
  })

  it('keeps other sessions of the same shopper working after one logs out', async () => {
    const first = await guest(app)
    const second = await guest(app, first.deviceSecret)
    await app.inject({ url: '/api/auth/me', headers: { authorization: second.authorization } })
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: first.authorization } })
    expect((await app.inject({ url: '/api/auth/me', headers: { authorization: second.authorization } })).statusCode).toBe(200)
  })

  it('answers a recently seen token from memory, and asks the database when the cache is off', async () => {
    const cached = await guest(app)
    await app.inject({ url: '/api/auth/me', headers: { authorization: cached.authorization } })
    await revokeElsewhere(app, cached.authorization)
    // Within the cache lifetime this instance has not heard of the other instance's revocation.
    expect((await app.inject({ url: '/api/auth/me', headers: { authorization: cached.authorization } })).statusCode).toBe(200)

    const uncachedApp = await buildTestApp({ sessionCacheMs: 0 })
    try {
      const direct = await guest(uncachedApp)
      await uncachedApp.inject({ url: '/api/auth/me', headers: { authorization: direct.authorization } })
      await revokeElsewhere(uncachedApp, direct.authorization)
      expect((await uncachedApp.inject({ url: '/api/auth/me', headers: { authorization: direct.authorization } })).statusCode).toBe(401)
    } finally {
      await uncachedApp.close()
    }
  })

  it('does not remember made-up tokens', async () => {
    const before = app.sessionCache.size
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer made-up-${i}` } })).statusCode).toBe(401)
    }
    expect(app.sessionCache.size).toBe(before)
  })
})
