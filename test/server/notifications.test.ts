import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { enqueueNotification, listOutbox } from '../../server/features/notifications/notifications.repository'
import { startNotifyEnv, wechatShopper, type NotifyEnv } from '../support/notify-env'
import { buildTestApp, createTestDatabase, guest, type TestDatabase } from '../support/server'

const MIN = 60_000

describe(`notification delivery (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  let env: NotifyEnv
  let database: TestDatabase
  let app: FastifyInstance
  let templates: { accepted: string; replied: string; resolved: string }
  beforeAll(async () => {
    env = await startNotifyEnv()
    database = await createTestDatabase()
    app = await buildTestApp(env.config, database)
    templates = app.config.tickets.subscribeTemplates
  })
  afterAll(async () => {
    await app.close()
    await database.drop()
    await env.stop()
  })

  const accept = (authorization: string, templateIds: string[]) =>
    app.inject({ method: 'POST', url: '/api/subscriptions', headers: { authorization }, payload: { templateIds } })
  const enqueue = (userId: string, over: Partial<Parameters<typeof enqueueNotification>[1]> = {}) =>
    enqueueNotification(app.db, {
      userId,
      ticketId: crypto.randomUUID(),
      event: 'accepted',
      title: '工单已受理',
      body: '客服已受理您的工单。',
      ...over,
    })
  const rowsOf = async (ticketId: string) =>
    (await listOutbox(app.db, { ticketId })).items
      .map((r) => ({ channel: r.channel, status: r.status }))
      .sort((a, b) => a.channel.localeCompare(b.channel))

  it('sends a WeChat subscribe message when the shopper accepted the template, using up the grant', async () => {
    const shopper = await wechatShopper(app, env.wechat)
    env.wechat.grant(shopper.openid, templates.accepted)
    const recorded = await accept(shopper.authorization, [templates.accepted])
    expect(recorded.statusCode).toBe(200)
    expect(recorded.json().templates).toContainEqual({ event: 'accepted', templateId: templates.accepted, remaining: 1 })

    const ticketId = crypto.randomUUID()
    await enqueue(shopper.userId, { ticketId, title: '工单已受理', body: '您的工单 T20261126000001 已由客服受理，我们会尽快处理。' })
    expect((await app.notifications.runOnce()).sent).toBe(1)

    const [msg] = env.wechat.sent.filter((m) => m.touser === shopper.openid)
    expect(msg).toMatchObject({
      template_id: templates.accepted,
      page: `pages/ticket/detail/index?id=${ticketId}`,
      miniprogram_state: 'developer',
    })
    expect(msg.data.thing1.value).toBe('工单已受理')
    expect(Array.from(msg.data.thing2.value).length).toBeLessThanOrEqual(20)
    expect(msg.data.time3.value).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
    expect(await rowsOf(ticketId)).toEqual([{ channel: 'wechat', status: 'sent' }])
    const after = await app.inject({ url: '/api/subscriptions', headers: { authorization: shopper.authorization } })
    expect(after.json().templates).toContainEqual({ event: 'accepted', templateId: templates.accepted, remaining: 0 })
  })

  it('caches the access token and refreshes it once when WeChat answers 40001', async () => {
    const shopper = await wechatShopper(app, env.wechat)
    env.wechat.grant(shopper.openid, templates.replied, 3)
    await accept(shopper.authorization, [templates.replied])
    await accept(shopper.authorization, [templates.replied])
    await accept(shopper.authorization, [templates.replied])
    const tokensBefore = env.wechat.tokenRequests
    await enqueue(shopper.userId, { event: 'replied' })
    await enqueue(shopper.userId, { event: 'replied' })
    await app.notifications.runOnce()
    expect(env.wechat.tokenRequests - tokensBefore).toBeLessThanOrEqual(1)

    env.wechat.invalidateToken()
    const ticketId = crypto.randomUUID()
    await enqueue(shopper.userId, { event: 'replied', ticketId })
    const sendsBefore = env.wechat.sendRequests
    const tokens = env.wechat.tokenRequests
    expect((await app.notifications.runOnce()).sent).toBe(1)
    expect(env.wechat.tokenRequests - tokens).toBe(1)
    expect(env.wechat.sendRequests - sendsBefore).toBe(2)
    expect(await rowsOf(ticketId)).toEqual([{ channel: 'wechat', status: 'sent' }])
    expect(env.wechat.sent.filter((m) => m.touser === shopper.openid)).toHaveLength(3)
  })

  it('falls back to email when no grant is left, with the outbox id as Message-ID', async () => {
    const shopper = await wechatShopper(app, env.wechat)
    const ticketId = crypto.randomUUID()
    const eventId = await enqueue(shopper.userId, {
      ticketId,
      event: 'resolved',
      title: '工单已解决',
      contact: { email: 'buyer@example.com', phone: '13800000000' },
    })
    const sendsBefore = env.wechat.sendRequests
    await app.notifications.runOnce()

    expect(env.wechat.sendRequests).toBe(sendsBefore)
    const mails = env.smtp.received.filter((m) => m.to.includes('buyer@example.com'))
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toBe('工单已解决')
    const { items } = await listOutbox(app.db, { ticketId })
    const email = items.find((r) => r.channel === 'email')!
    expect(email).toMatchObject({ event_id: eventId, status: 'sent' })
    expect(mails[0].messageId).toBe(`<${email.id}@service-desk.notifications>`)
    expect(items.find((r) => r.channel === 'wechat')).toMatchObject({
      status: 'skipped',
      last_error: expect.stringContaining('no subscription'),
    })
    expect(app.smsLog!.sent.filter((m) => m.to === '13800000000')).toHaveLength(0)
  })

  it('treats WeChat 43101 as no grant: forgets it and falls back', async () => {
    const shopper = await wechatShopper(app, env.wechat)
    await accept(shopper.authorization, [templates.accepted]) // we counted one, but WeChat has none
    const ticketId = crypto.randomUUID()
    await enqueue(shopper.userId, { ticketId, contact: { email: 'b43101@example.com' } })
    await app.notifications.runOnce()
    expect(await rowsOf(ticketId)).toEqual([
      { channel: 'email', status: 'sent' },
      { channel: 'wechat', status: 'skipped' },
    ])
    const subs = await app.inject({ url: '/api/subscriptions', headers: { authorization: shopper.authorization } })
    expect(subs.json().templates).toContainEqual({ event: 'accepted', templateId: templates.accepted, remaining: 0 })
  })

  it('texts the shopper (log sender) when neither WeChat nor email can reach them', async () => {
    const h5 = await guest(app)
    const ticketId = crypto.randomUUID()
    await enqueue(h5.userId, { ticketId, contact: { phone: '13900000001' } })
    await app.notifications.runOnce()
    expect(await rowsOf(ticketId)).toEqual([
      { channel: 'email', status: 'skipped' },
      { channel: 'sms', status: 'sent' },
      { channel: 'wechat', status: 'skipped' },
    ])
    const [sms] = app.smsLog!.sent.filter((s) => s.to === '13900000001')
    expect(sms.text).toContain('工单已受理')
    const noContact = crypto.randomUUID()
    await enqueue(h5.userId, { ticketId: noContact })
    await app.notifications.runOnce()
    expect((await rowsOf(noContact)).map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped'])
  })

  it('retries a temporary failure with exponential backoff, sending once in the end', async () => {
    const h5 = await guest(app)
    const ticketId = crypto.randomUUID()
    await enqueue(h5.userId, { ticketId, contact: { email: 'retry@example.com' } })
    env.smtp.failNext = 2
    const t0 = Date.now()
    await app.notifications.runOnce(new Date(t0))
    let email = (await listOutbox(app.db, { ticketId, channel: 'email' })).items[0]
    expect(email).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('451') })
    const firstDelay = Date.parse(email.next_attempt_at) - t0
    expect(firstDelay).toBeGreaterThanOrEqual(0.8 * 30_000)
    expect(firstDelay).toBeLessThanOrEqual(1.2 * 30_000)

    await app.notifications.runOnce(new Date(t0 + 10_000)) // not due yet
    expect((await listOutbox(app.db, { ticketId, channel: 'email' })).items[0].attempts).toBe(1)

    await app.notifications.runOnce(new Date(t0 + 1 * MIN))
    email = (await listOutbox(app.db, { ticketId, channel: 'email' })).items[0]
    expect(email.attempts).toBe(2)
    const secondDelay = Date.parse(email.next_attempt_at) - (t0 + MIN)
    expect(secondDelay).toBeGreaterThanOrEqual(0.8 * 60_000)

    await app.notifications.runOnce(new Date(t0 + 5 * MIN))
    expect((await listOutbox(app.db, { ticketId, channel: 'email' })).items[0]).toMatchObject({ status: 'sent', attempts: 3 })
    expect(env.smtp.received.filter((m) => m.to.includes('retry@example.com'))).toHaveLength(1)
  })

  it('sends each message once when two instances deliver the same outbox at the same time', async () => {
    const second = await buildTestApp(env.config, database)
    const h5 = await guest(app)
    const tickets = Array.from({ length: 6 }, () => crypto.randomUUID())
    for (const ticketId of tickets) await enqueue(h5.userId, { ticketId, contact: { phone: '13700000002' } })
    await Promise.all([app.notifications.runOnce(), second.notifications.runOnce()])
    await second.close()
    const texts = [...app.smsLog!.sent, ...second.smsLog!.sent].filter((s) => s.to === '13700000002')
    expect(texts).toHaveLength(6)
    expect(new Set(texts.map((t) => t.idempotencyKey)).size).toBe(6)
  })

  it('records only our templates, for shoppers, naming the bad one', async () => {
    const shopper = await wechatShopper(app, env.wechat)
    const bad = await accept(shopper.authorization, [templates.accepted, 'someone-elses-template'])
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({ code: 'UNKNOWN_TEMPLATE', field: 'body.templateIds.1' })
    const tooMany = await accept(shopper.authorization, ['a', 'b', 'c', 'd'])
    expect(tooMany.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.templateIds' })
    expect((await accept('', [templates.accepted])).statusCode).toBe(401)
  })
})
