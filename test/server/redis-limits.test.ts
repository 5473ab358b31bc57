import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../../server/config'
import { say } from '../support/chat'
import { freePort } from '../support/server-process'
import { startRedis } from '../support/redis-throwaway'
import { buildTestApp, createTestDatabase, guest, type TestDatabase } from '../support/server'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

/** Resolves once `check` holds, yielding to the event loop in between (no fixed sleeps). */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let turns = 0; !(await check()); turns++) {
    if (turns > 100_000) throw new Error('condition never held')
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe(`limits shared by two instances through Redis (${db})`, () => {
  let redis: ReturnType<typeof startRedis>
  let database: TestDatabase
  let one: FastifyInstance
  let two: FastifyInstance
  let prefix: string
  beforeAll(async () => {
    redis = startRedis()
    database = await createTestDatabase()
    // Both apps share one database and one Redis, like two servers behind a proxy.
    const shared = {
      redisUrl: redis.url,
      redisPrefix: (prefix = `t${crypto.randomBytes(4).toString('hex')}:`),
      rateLimitMax: 6,
      limits: { pollsPerUser: 2, conversationsPerDay: 30, handoffsPerDay: 10, uploadBytesPerDay: 1 << 20 },
    }
    one = await buildTestApp(shared, database)
    two = await buildTestApp(shared, database)
  })
  afterAll(async () => {
    await one?.close()
    await two?.close()
    await database?.drop()
    redis?.stop()
  })

  it('counts one per-minute budget for a user across both instances', async () => {
    const s = await guest(one)
    const me = (app: FastifyInstance) => app.inject({ url: '/api/auth/me', headers: { authorization: s.authorization } })
    const codes: number[] = []
    for (let i = 0; i < 6; i++) codes.push((await me(i % 2 ? two : one)).statusCode)
    expect(codes).toEqual([200, 200, 200, 200, 200, 200])
    const over = await me(two)
    expect(over.statusCode).toBe(429)
    expect(over.json().error.code).toBe('RATE_LIMITED')
    expect((await me(one)).statusCode).toBe(429)
    // Another shopper has a budget of their own.
    const other = await guest(two)
    expect((await two.inject({ url: '/api/auth/me', headers: { authorization: other.authorization } })).statusCode).toBe(200)
  })

  it('holds the long-poll cap per account across instances and frees the slots when the polls answer', async () => {
    const s = await guest(one)
    const after = (await say(one, s, '你好')).seq + 1
    const poll = (app: FastifyInstance) =>
      app.inject({ url: `/api/chat/messages?after=${after}&wait=30`, headers: { authorization: s.authorization } })
    const held = [poll(one), poll(two)]
    await until(async () => (await one.pollSlots.count(s.userId)) === 2)
    expect(await two.pollSlots.count(s.userId)).toBe(2)
    const extra = await poll(one)
    expect(extra.statusCode).toBe(429)
    expect(extra.json().error.code).toBe('TOO_MANY_POLLS')
    // One message through each instance: on SQLite an instance only hears its own sends.
    await say(one, s, '还在吗')
    await say(two, s, '在吗')
    expect((await Promise.all(held)).map((r) => r.statusCode)).toEqual([200, 200])
    await until(async () => (await two.pollSlots.count(s.userId)) === 0)
  })

  it('frees the slots of an instance that died holding polls once their lease runs out', async () => {
    const s = await guest(one)
    const client = one.redis!
    const key = `${prefix}polls:${s.userId}`
    // Two polls a dead instance never released: one still within its lease, one past it.
    await client.zadd(key, Date.now() + 60_000, 'dead-live', Date.now() - 1, 'dead-lapsed')
    expect(await two.pollSlots.count(s.userId)).toBe(1)
    const release = await two.pollSlots.enter(s.userId)
    await expect(one.pollSlots.enter(s.userId)).rejects.toMatchObject({ statusCode: 429, code: 'TOO_MANY_POLLS' })
    release()
    await until(async () => (await one.pollSlots.count(s.userId)) === 1)
  })
})

describe('Redis settings', () => {
  const asEnv = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv

  it('reads REDIS_URL and REDIS_PREFIX and refuses malformed ones', () => {
    expect(loadConfig(asEnv({}))).toMatchObject({ redisUrl: null, redisPrefix: 'sd:' })
    expect(loadConfig(asEnv({ REDIS_URL: 'redis://cache.internal:6379', REDIS_PREFIX: 'desk-a:' }))).toMatchObject({
      redisUrl: 'redis://cache.internal:6379',
      redisPrefix: 'desk-a:',
    })
    expect(() => loadConfig(asEnv({ REDIS_URL: 'cache.internal:6379' }))).toThrow(/REDIS_URL must look like redis:\/\//)
    expect(() => loadConfig(asEnv({ REDIS_PREFIX: 'a b' }))).toThrow(/REDIS_PREFIX/)
  })

  it('does not start when Redis cannot be reached, and says which one', async () => {
    const port = await freePort()
    await expect(buildTestApp({ redisUrl: `redis://127.0.0.1:${port}` })).rejects.toThrow(
      `Redis at REDIS_URL (127.0.0.1:${port}) cannot be reached`,
    )
  })
})
