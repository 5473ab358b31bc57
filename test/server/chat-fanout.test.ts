import type { FastifyInstance } from 'fastify'
import { agent, current, pollShopper, say } from '../support/chat'
import { buildTestApp, createTestDatabase, guest, type TestDatabase } from '../support/server'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`two instances sharing one ${dbName} database`, () => {
  let database: TestDatabase
  let a: FastifyInstance
  let b: FastifyInstance
  beforeAll(async () => {
    database = await createTestDatabase()
    a = await buildTestApp({}, database)
    b = await buildTestApp({}, database)
  })
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()])
    await database?.drop()
  })

  it('delivers a message posted on A to a shopper long-polling B (readers fetch from the database)', async () => {
    const shopper = await guest(a)
    await say(a, shopper, '你好')
    const conv = await current(a, shopper)
    const waitingOnB = pollShopper(b, shopper, `after=${conv.lastSeq}&wait=2`)
    while (b.chat.bus.listenerCount() === 0) await new Promise((r) => setTimeout(r, 5))
    const sent = await say(a, shopper, '快递一直没到')
    let page = await waitingOnB
    // A wait can run out while a loaded machine is still storing the send; the client's next poll
    // then reads it from the database, as a real client would.
    for (let polls = 1; page.messages.length === 0 && polls < 10; polls++) {
      page = await pollShopper(b, shopper, `after=${conv.lastSeq}&wait=2`)
    }
    expect(page.messages[0]).toMatchObject({ seq: sent.seq, text: '快递一直没到' })
  })
})

/**
 * Waking another instance within milliseconds needs PostgreSQL LISTEN/NOTIFY; an SQLite file has
 * no such channel (there, the test above shows the database read still delivers). This suite is
 * therefore defined only in the PostgreSQL run rather than skipped, so the SQLite run reports no
 * skipped tests.
 */
const onPostgres = Boolean(process.env.DATABASE_URL)
if (onPostgres) {
  describe('chat fan-out across two instances on one PostgreSQL database', () => {
    let database: TestDatabase
    let a: FastifyInstance
    let b: FastifyInstance
    beforeAll(async () => {
      database = await createTestDatabase()
      a = await buildTestApp({}, database)
      b = await buildTestApp({}, database)
    })
    afterAll(async () => {
      await Promise.all([a?.close(), b?.close()])
      await database?.drop()
    })

    it('completes a long-poll waiting on instance B when a message is posted to instance A', async () => {
      const shopper = await guest(a)
      await say(a, shopper, '转人工')
      const staff = await agent(b)
      const conv = await current(a, shopper)
      expect(
        (
          await b.inject({
            method: 'POST',
            url: `/api/agent/conversations/${conv.id}/claim`,
            headers: { authorization: staff.authorization },
          })
        ).statusCode,
      ).toBe(200)
      const { lastSeq } = await current(b, shopper)

      // The longest wait outlasts the test's own timeout: the poll on B can only pass by waking on A's send.
      const waitingOnB = pollShopper(b, shopper, `after=${lastSeq}&wait=30`)
      while (b.chat.bus.listenerCount() === 0) await new Promise((r) => setTimeout(r, 5))
      const posted = await a.inject({
        method: 'POST',
        url: `/api/agent/conversations/${conv.id}/messages`,
        headers: { authorization: staff.authorization },
        payload: { clientMsgId: 'fanout-1', kind: 'text', text: '您好，这里是人工客服' },
      })
      expect(posted.statusCode).toBe(200)
      const page = await waitingOnB
      expect(page.messages).toEqual([expect.objectContaining({ seq: lastSeq + 1, sender: 'agent', text: '您好，这里是人工客服' })])
      expect(b.chat.bus.listenerCount()).toBe(0)
    })

    it('keeps seq gapless and sends idempotent when the same retries hit both instances', async () => {
      const shopper = await guest(a)
      await current(a, shopper)
      const body = { clientMsgId: 'both-instances-1', kind: 'text', text: '物流三天没更新了' }
      const posts = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          (i % 2 ? a : b).inject({
            method: 'POST',
            url: '/api/chat/messages',
            headers: { authorization: shopper.authorization },
            payload: body,
          }),
        ),
      )
      expect(new Set(posts.map((p) => p.json().id)).size).toBe(1)
      const page = await pollShopper(b, shopper, 'after=0')
      expect(page.messages.map((m) => m.seq)).toEqual([1, 2, 3])
    })

    it('wakes the agent inbox on B when a shopper on A asks for a person', async () => {
      const staff = await agent(b, '小贝')
      const first = (await b.inject({ url: '/api/agent/inbox', headers: { authorization: staff.authorization } })).json()
      const waiting = b.inject({ url: `/api/agent/inbox?token=${first.token}&wait=30`, headers: { authorization: staff.authorization } })
      while (b.chat.bus.listenerCount() === 0) await new Promise((r) => setTimeout(r, 5))
      const shopper = await guest(a)
      await say(a, shopper, '我要找真人客服')
      const conv = await current(a, shopper)
      const next = (await waiting).json()
      expect(next.queue.items.map((i: { conversationId: string }) => i.conversationId)).toContain(conv.id)
    })
  })
}
