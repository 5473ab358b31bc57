import type { FastifyInstance } from 'fastify'
import { buildTestApp, guest } from '../support/server'
import { agent, pointsBody, submit } from '../support/tickets'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

/** Waits until `check` holds, or fails after `ms`. */
async function until(check: () => boolean, ms: number): Promise<void> {
  const start = Date.now()
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('condition not met in time')
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe(`agents' tickets are live (${dbName})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  const changes = (who: { authorization: string }, query: string) =>
    app.inject({ url: `/api/agent/tickets/changes?${query}`, headers: { authorization: who.authorization } })

  it("a waiting workspace hears about the shopper's 补充说明 at once, and a new ticket too", async () => {
    const shopper = await guest(app)
    const ticket = await submit(app, shopper, pointsBody())
    const desk = await agent(app)
    const first = await changes(desk, 'wait=0')
    expect(first.statusCode).toBe(200)
    const { token } = first.json()

    let answered: string | null = null
    const waiting = changes(desk, `token=${token}&wait=30`).then((r) => (answered = r.json().token))
    const reply = await app.inject({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/replies`,
      headers: { authorization: shopper.authorization },
      payload: { text: '补充一下：订单是上周五下的', attachments: [] },
    })
    expect(reply.statusCode).toBeLessThan(300)
    await until(() => answered !== null, 10_000)
    await waiting
    expect(answered).not.toBe(token)

    let again: string | null = null
    const next = changes(desk, `token=${answered}&wait=30`).then((r) => (again = r.json().token))
    await submit(app, await guest(app), pointsBody('另一位顾客的积分也没到'))
    await until(() => again !== null, 10_000)
    await next
    expect(again).not.toBe(answered)
  })

  it('is for agents only, and checks its query', async () => {
    const shopper = await guest(app)
    expect((await changes(shopper, 'wait=0')).statusCode).toBe(403)
    const desk = await agent(app)
    const bad = await changes(desk, 'wait=99')
    expect(bad.statusCode).toBe(400)
  })
})

describe(`agents' ticket waits at shutdown (${dbName})`, () => {
  it('answers a waiting ticket long-poll when the app closes', async () => {
    const app = await buildTestApp()
    const desk = await agent(app)
    const get = (url: string) => app.inject({ url, headers: { authorization: desk.authorization } })
    const { token } = (await get('/api/agent/tickets/changes?wait=0')).json()
    const waiting = get(`/api/agent/tickets/changes?token=${token}&wait=30`)
    let done = false
    void waiting.then(() => (done = true))
    // Let the wait start, then close: it must answer instead of holding the shutdown.
    await new Promise((r) => setImmediate(r))
    await app.close()
    await until(() => done, 10_000)
    expect((await waiting).statusCode).toBe(200)
  })
})
