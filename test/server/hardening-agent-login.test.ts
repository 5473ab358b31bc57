import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, guest } from '../support/server'
import { agent } from '../support/tickets'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`agent sign-in: same work, backoff, lockout, audit (${db})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  const login = (username: string, password: string, remoteAddress = '10.9.0.1') =>
    app.inject({ method: 'POST', url: '/api/auth/agent', payload: { username, password }, remoteAddress })

  /** Failed attempts recorded `secondsAgo` in the past, as the guard sees them. */
  async function failures(n: number, who: { username?: string; address?: string }, secondsAgo = 1): Promise<void> {
    const at = new Date(Date.now() - secondsAgo * 1000).toISOString()
    const rows = Array.from({ length: n }, () => ({
      id: crypto.randomUUID(),
      username: who.username ?? `u-${crypto.randomBytes(3).toString('hex')}`,
      address: who.address ?? '10.9.9.9',
      outcome: 'failed' as const,
      created_at: at,
    }))
    await app.db.insertInto('sign_in_attempts').values(rows).execute()
  }

  it('runs scrypt for unknown usernames too, and answers both alike', async () => {
    // Warm the dummy hash first, so each sign-in below does exactly one check.
    await login('warm-up', 'x', '10.9.1.0')
    const spy = jest.spyOn(crypto, 'scrypt')
    try {
      const unknown = await login('nobody-here', 'guess', '10.9.1.1')
      expect(spy).toHaveBeenCalledTimes(1)
      spy.mockRestore()
      const staff = await agent(app)
      jest.spyOn(crypto, 'scrypt')
      const username = (await app.db.selectFrom('users').select('username').where('id', '=', staff.userId).executeTakeFirstOrThrow())
        .username!
      const wrong = await login(username, 'wrong password', '10.9.1.2')
      expect(crypto.scrypt).toHaveBeenCalledTimes(1)
      expect(unknown.statusCode).toBe(401)
      expect(wrong.statusCode).toBe(401)
      expect(unknown.json()).toEqual(wrong.json())
    } finally {
      jest.restoreAllMocks()
    }
  })

  it('backs off after a few failures for a username, then locks it, whatever the address', async () => {
    await failures(5, { username: 'alice-b' })
    const backoff = await login('alice-b', 'x', '10.9.2.1')
    expect(backoff.statusCode).toBe(429)
    expect(backoff.json().error).toMatchObject({ code: 'SIGN_IN_BACKOFF', details: { retryAfterSeconds: expect.any(Number) } })
    expect(Number(backoff.headers['retry-after'])).toBeGreaterThan(0)
    await failures(10, { username: 'alice-l' })
    const locked = await login('alice-l', 'x', '10.9.2.2')
    expect(locked.statusCode).toBe(429)
    expect(locked.json().error.code).toBe('SIGN_IN_LOCKED')
    expect(locked.json().error.details.retryAfterSeconds).toBeGreaterThan(600)
  })

  it('locks out one address that guesses many usernames, not the others', async () => {
    await failures(40, { address: '10.9.3.1' })
    const res = await login('someone-new', 'x', '10.9.3.1')
    expect(res.statusCode).toBe(429)
    expect(res.json().error.code).toBe('SIGN_IN_LOCKED')
    expect((await login('someone-new', 'x', '10.9.3.2')).statusCode).toBe(401)
  })

  it('lets a username in again once the lock has run out', async () => {
    await failures(10, { username: 'alice-old' }, 20 * 60)
    expect((await login('alice-old', 'x', '10.9.4.1')).statusCode).toBe(401)
  })

  it('shows agents the sign-in audit with masked addresses; shoppers get 403', async () => {
    await login('audit-probe', 'x', '203.0.113.77')
    const staff = await agent(app)
    const res = await app.inject({ url: '/api/agent/sign-ins?limit=100', headers: { authorization: staff.authorization } })
    expect(res.statusCode).toBe(200)
    const probe = res.json().items.find((i: { username: string }) => i.username === 'audit-probe')
    expect(probe).toMatchObject({ outcome: 'failed', address: '203.0.113.*' })
    expect(res.json().items.some((i: { outcome: string }) => i.outcome === 'ok')).toBe(true)
    const shopper = await guest(app)
    expect((await app.inject({ url: '/api/agent/sign-ins', headers: { authorization: shopper.authorization } })).statusCode).toBe(403)
  })
})
