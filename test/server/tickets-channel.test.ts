import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { AgentTicketDetail, AgentTicketPage, TicketDetail, TicketPage } from '../../types/ticket'
import { buildTestApp, guest } from '../support/server'
import { agent, pointsBody, submit, type Who } from '../support/tickets'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`ticket channel (${db})`, () => {
  let app: FastifyInstance
  let shopper: Who
  let alice: Who
  beforeAll(async () => {
    app = await buildTestApp()
    shopper = await guest(app)
    alice = await agent(app)
  })
  afterAll(() => app.close())

  const get = <T>(who: Who, url: string) => app.inject({ url, headers: { authorization: who.authorization } }).then((r) => r.json<T>())

  it('keeps an email-channel ticket marked as such for the shopper and the agents', async () => {
    const created = await submit(app, shopper, {
      ...pointsBody('积分没到账，请回复到我的邮箱'),
      contact: { email: 'me@example.com' },
      channel: 'email',
    })
    expect(created).toMatchObject({ channel: 'email', contact: { email: 'me@example.com' } })
    expect((await get<TicketDetail>(shopper, `/api/tickets/${created.id}`)).channel).toBe('email')
    const mine = await get<TicketPage>(shopper, '/api/tickets')
    expect(mine.items.find((t) => t.id === created.id)?.channel).toBe('email')
    expect((await get<AgentTicketDetail>(alice, `/api/agent/tickets/${created.id}`)).channel).toBe('email')
    const queue = await get<AgentTicketPage>(alice, '/api/agent/tickets')
    expect(queue.items.find((t) => t.id === created.id)?.channel).toBe('email')
  })

  it('files through the app by default', async () => {
    const created = await submit(app, shopper, pointsBody())
    expect(created.channel).toBe('app')
    expect((await get<AgentTicketDetail>(alice, `/api/agent/tickets/${created.id}`)).channel).toBe('app')
  })

  it('refuses an unknown channel with 400 naming the field, and files nothing', async () => {
    const before = (await get<TicketPage>(shopper, '/api/tickets')).items.length
    const res = await app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { authorization: shopper.authorization, 'idempotency-key': crypto.randomUUID() },
      payload: { ...pointsBody(), channel: 'fax' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.field).toBe('body.channel')
    expect((await get<TicketPage>(shopper, '/api/tickets')).items).toHaveLength(before)
  })
})
