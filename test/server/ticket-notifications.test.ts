import type { FastifyInstance } from 'fastify'
import { listOutbox } from '../../server/features/notifications/notifications.repository'
import { startNotifyEnv, wechatShopper, type NotifyEnv } from '../support/notify-env'
import { buildTestApp } from '../support/server'
import { agent, move, pointsBody, submit } from '../support/tickets'

describe(`ticket changes reach the shopper (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  let env: NotifyEnv
  let app: FastifyInstance
  beforeAll(async () => {
    env = await startNotifyEnv()
    app = await buildTestApp(env.config)
  })
  afterAll(async () => {
    await app.close()
    await env.stop()
  })

  it('accept goes out on WeChat (granted), resolve by email once the grant is used, each once', async () => {
    const templates = app.config.tickets.subscribeTemplates
    const shopper = await wechatShopper(app, env.wechat)
    env.wechat.grant(shopper.openid, templates.accepted)
    await app.inject({
      method: 'POST',
      url: '/api/subscriptions',
      headers: { authorization: shopper.authorization },
      payload: { templateIds: [templates.accepted] },
    })
    const ticket = await submit(app, shopper, { ...pointsBody(), contact: { email: 'points@example.com' } })
    const staff = await agent(app)

    expect((await move(app, staff, ticket.id, { to: 'in_progress' })).statusCode).toBe(200)
    await app.notifications.runOnce()
    expect(env.wechat.sent.filter((m) => m.touser === shopper.openid).map((m) => m.data.thing1.value)).toEqual(['工单已受理'])

    expect((await move(app, staff, ticket.id, { to: 'resolved', resolutionSummary: '积分已补发' })).statusCode).toBe(200)
    await app.notifications.runOnce()
    await app.notifications.runOnce()
    const mails = env.smtp.received.filter((m) => m.to.includes('points@example.com'))
    expect(mails.map((m) => m.subject)).toEqual(['工单已解决'])

    const page = await app.inject({
      url: `/api/agent/notifications?ticketId=${ticket.id}`,
      headers: { authorization: staff.authorization },
    })
    expect(page.statusCode).toBe(200)
    expect(
      page
        .json()
        .items.map((i: { event: string; channel: string; status: string }) => `${i.event}/${i.channel}/${i.status}`)
        .sort(),
    ).toEqual(['accepted/wechat/sent', 'resolved/email/sent', 'resolved/wechat/skipped'])
    expect((await listOutbox(app.db, { ticketId: ticket.id, status: 'sent' })).items).toHaveLength(2)

    // The shopper's timeline says when and how they were told; a skipped channel is not shown.
    const detail = await app.inject({ url: `/api/tickets/${ticket.id}`, headers: { authorization: shopper.authorization } })
    const notified = detail
      .json()
      .timeline.filter((e: { type: string }) => e.type === 'notified')
      .map((e: { text: string }) => e.text)
    expect(notified).toEqual(['已通过微信服务通知发送：工单已受理', '已通过邮件发送：工单已解决'])
    expect((await app.inject({ url: '/api/agent/notifications', headers: { authorization: shopper.authorization } })).statusCode).toBe(403)
  })
})
