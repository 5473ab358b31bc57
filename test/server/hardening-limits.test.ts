import type { FastifyInstance } from 'fastify'
import { sweepIdleGuests, sweepSessions } from '../../server/features/auth/auth.cleanup'
import { sweepUnattachedUploads } from '../../server/features/uploads/upload-cleanup'
import { DiskStorage } from '../../server/features/uploads/upload-storage'
import { buildTestApp, guest } from '../support/server'
import { cid, say } from '../support/chat'
import { agent, uploads } from '../support/tickets'
import path from 'node:path'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
const limits = { pollsPerUser: 2, conversationsPerDay: 2, handoffsPerDay: 1, uploadBytesPerDay: 150 }
const HOUR = 3_600_000

/** Resolves once `check` holds, yielding to the event loop in between (no fixed sleeps). */
async function until(check: () => boolean | Promise<boolean>): Promise<void> {
  for (let turns = 0; !(await check()); turns++) {
    if (turns > 200_000) throw new Error('condition never held')
    await new Promise((resolve) => setImmediate(resolve))
  }
}

describe(`sign-in limits per address (${db})`, () => {
  it('ignores X-Forwarded-For without TRUST_PROXY and counts per address even with a valid token', async () => {
    const app = await buildTestApp()
    try {
      const holder = await guest(app)
      const statuses: number[] = []
      for (let i = 0; i < 31; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/guest',
          payload: {},
          remoteAddress: '10.1.0.1',
          headers: { 'x-forwarded-for': `198.51.100.${i}`, authorization: holder.authorization },
        })
        statuses.push(res.statusCode)
      }
      expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true)
      expect(statuses[30]).toBe(429)
      const other = await app.inject({ method: 'POST', url: '/api/auth/guest', payload: {}, remoteAddress: '10.1.0.2' })
      expect(other.statusCode).toBe(200)
    } finally {
      await app.close()
    }
  })

  it('believes X-Forwarded-For only from the proxy TRUST_PROXY names', async () => {
    const app = await buildTestApp({ trustProxy: ['10.2.0.1'] })
    try {
      for (let i = 0; i < 31; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/guest',
          payload: {},
          remoteAddress: '10.2.0.1',
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
        })
        expect(res.statusCode).toBe(200)
      }
      const spoofed = (i: number) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/guest',
          payload: {},
          remoteAddress: '10.2.0.9',
          headers: { 'x-forwarded-for': `203.0.113.${i}` },
        })
      const answers = []
      for (let i = 0; i < 31; i++) answers.push((await spoofed(i)).statusCode)
      expect(answers[30]).toBe(429)
    } finally {
      await app.close()
    }
  })
})

describe(`per-user limits (${db})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp({ rateLimitMax: 6, limits, trustProxy: false })
  })
  afterAll(() => app.close())

  it('gives one bucket per user, shared by all their tokens', async () => {
    const first = await guest(app)
    const second = await guest(app, first.deviceSecret)
    expect(second.userId).toBe(first.userId)
    const me = (authorization: string) => app.inject({ url: '/api/auth/me', headers: { authorization }, remoteAddress: '10.3.0.1' })
    for (let i = 0; i < 3; i++) expect((await me(first.authorization)).statusCode).toBe(200)
    for (let i = 0; i < 3; i++) expect((await me(second.authorization)).statusCode).toBe(200)
    expect((await me(second.authorization)).statusCode).toBe(429)
    expect((await me(first.authorization)).statusCode).toBe(429)
  })
})

describe(`long-polls, chats, handoffs and uploads per user (${db})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp({ limits })
  })
  afterAll(() => app.close())

  it('holds at most a few long-polls per user; another shopper is unaffected', async () => {
    const a = await guest(app)
    const b = await guest(app)
    const seqOf = { [a.userId]: (await say(app, a, '你好')).seq + 1, [b.userId]: (await say(app, b, '你好')).seq + 1 }
    // After the bot's answer: nothing new yet, so the poll waits.
    const poll = (who: { authorization: string; userId: string }) =>
      app.inject({ url: `/api/chat/messages?after=${seqOf[who.userId]}&wait=30`, headers: { authorization: who.authorization } })
    const held = [poll(a), poll(a)]
    await until(async () => (await app.pollSlots.count(a.userId)) === 2)
    const extra = await poll(a)
    expect(extra.statusCode).toBe(429)
    expect(extra.json().error.code).toBe('TOO_MANY_POLLS')
    const other = poll(b)
    await until(async () => (await app.pollSlots.count(b.userId)) === 1)
    // A message is news for every waiting poll of that conversation; they answer and free their slots.
    await say(app, a, '还在吗')
    await say(app, b, '在吗')
    expect((await Promise.all([...held, other])).map((r) => r.statusCode)).toEqual([200, 200, 200])
    expect(await app.pollSlots.count(a.userId)).toBe(0)
  })

  it('limits new conversations and handoffs per day', async () => {
    const s = await guest(app)
    const open = () => app.inject({ url: '/api/chat', headers: { authorization: s.authorization } })
    const end = () => app.inject({ method: 'POST', url: '/api/chat/end', headers: { authorization: s.authorization } })
    const handoff = () => app.inject({ method: 'POST', url: '/api/chat/handoff', headers: { authorization: s.authorization }, payload: {} })
    expect((await open()).statusCode).toBe(200)
    expect((await handoff()).statusCode).toBe(200)
    expect((await end()).statusCode).toBe(200)
    expect((await open()).statusCode).toBe(200)
    const second = await handoff()
    expect(second.statusCode).toBe(429)
    expect(second.json().error.code).toBe('HANDOFF_LIMIT')
    expect((await end()).statusCode).toBe(200)
    const third = await open()
    expect(third.statusCode).toBe(429)
    expect(third.json().error).toMatchObject({ code: 'CONVERSATION_LIMIT', details: { limit: 2 } })
  })

  it('caps upload bytes per day', async () => {
    const s = await guest(app)
    await uploads(app, s, 2)
    await expect(uploads(app, s, 1)).rejects.toThrow(/429.*UPLOAD_QUOTA/)
  })
})

describe(`the agent queue is paged (${db})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  it('pages the queue with a cursor, positions continuing, counts covering all', async () => {
    const staff = await agent(app)
    for (let i = 0; i < 3; i++) {
      const s = await guest(app)
      await app.inject({ method: 'POST', url: '/api/chat/handoff', headers: { authorization: s.authorization }, payload: {} })
    }
    const page = async (query: string) =>
      (await app.inject({ url: `/api/agent/queue?${query}`, headers: { authorization: staff.authorization } })).json()
    const first = await page('limit=2')
    expect(first.items).toHaveLength(2)
    expect(first.byServiceType.reduce((n: number, t: { count: number }) => n + t.count, 0)).toBe(3)
    const second = await page(`limit=2&cursor=${first.nextCursor}`)
    expect(second.items).toHaveLength(1)
    expect(second.nextCursor).toBeNull()
    expect(second.items[0].position).toBe(3)
    const bad = await app.inject({ url: '/api/agent/queue?cursor=nonsense', headers: { authorization: staff.authorization } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('BAD_CURSOR')
  })
})

describe(`cleanup jobs (${db})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  it('removes uploads no message or ticket uses, once they are old enough', async () => {
    const s = await guest(app)
    const [loose, used] = await uploads(app, s, 2)
    await app.inject({
      method: 'POST',
      url: '/api/chat/messages',
      headers: { authorization: s.authorization },
      payload: { clientMsgId: cid(), kind: 'image', uploadId: used },
    })
    const storage = new DiskStorage(path.join(app.config.dataDir, 'uploads'))
    expect(await sweepUnattachedUploads(app.db, storage, 48, new Date(Date.now() + HOUR))).toBe(0)
    expect(await sweepUnattachedUploads(app.db, storage, 48, new Date(Date.now() + 49 * HOUR))).toBeGreaterThanOrEqual(1)
    const get = (id: string) => app.inject({ url: `/api/uploads/${id}`, headers: { authorization: s.authorization } })
    expect((await get(loose)).statusCode).toBe(404)
    expect((await get(used)).statusCode).toBe(200)
  })

  it('removes expired sessions and idle guests who hold nothing', async () => {
    const idle = await guest(app)
    const talker = await guest(app)
    await say(app, talker, '你好')
    const later = new Date(Date.now() + 120 * 24 * HOUR)
    expect(await sweepSessions(app.db, later)).toBeGreaterThanOrEqual(2)
    await sweepIdleGuests(app.db, 90, later)
    const ids = (await app.db.selectFrom('users').select('id').execute()).map((r) => r.id)
    expect(ids).not.toContain(idle.userId)
    expect(ids).toContain(talker.userId)
  })
})
