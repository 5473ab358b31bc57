import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { enqueueNotification, listOutbox } from '../../server/features/notifications/notifications.repository'
import { startNotifyEnv, wechatShopper, type NotifyEnv } from '../support/notify-env'
import { buildTestApp, createTestDatabase, type TestDatabase } from '../support/server'

const root = path.resolve(__dirname, '../..')

describe(`notification delivery survives a crash mid-send (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  let env: NotifyEnv
  let database: TestDatabase
  let app: FastifyInstance
  beforeAll(async () => {
    env = await startNotifyEnv()
    database = await createTestDatabase()
    app = await buildTestApp(env.config, database)
  })
  afterAll(async () => {
    await app.close()
    await database.drop()
    await env.stop()
  })

  it('a server killed after WeChat took the message but before recording it: the restart sends nothing twice and delivers the rest', async () => {
    const templates = app.config.tickets.subscribeTemplates
    const shoppers = [await wechatShopper(app, env.wechat), await wechatShopper(app, env.wechat)]
    for (const s of shoppers) {
      env.wechat.grant(s.openid, templates.resolved)
      await app.inject({
        method: 'POST',
        url: '/api/subscriptions',
        headers: { authorization: s.authorization },
        payload: { templateIds: [templates.resolved] },
      })
      await enqueueNotification(app.db, {
        userId: s.userId,
        ticketId: crypto.randomUUID(),
        event: 'resolved',
        title: '工单已解决',
        body: '请确认结果。',
      })
    }

    // The first server process: WeChat receives its first message and the process dies before the answer.
    env.wechat.holdSends = true
    const arrived = env.wechat.nextSend()
    const child = spawn(
      process.execPath,
      [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'test/support/notify-child.ts')],
      {
        env: {
          ...process.env,
          NOTIFY_CHILD_OPTIONS: JSON.stringify({
            config: {
              ...database.config,
              ...env.config,
              h5Dir: path.join(os.tmpdir(), 'no-h5-build'),
              logLevel: 'silent',
              notifyPollMs: 0,
            },
            sqliteFile: database.sqliteFile,
          }),
        },
        stdio: 'inherit',
      },
    )
    await arrived
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
    env.wechat.holdSends = false

    const rows = (await listOutbox(app.db)).items
    expect(rows.map((r) => r.status).sort()).toEqual(['pending', 'sending'])
    const inFlight = rows.find((r) => r.status === 'sending')!
    expect(env.wechat.sent).toHaveLength(1)

    // The restarted server: while the dead sender's lease runs, nothing is touched…
    const sendsBefore = env.wechat.sendRequests
    await app.notifications.runOnce()
    expect((await listOutbox(app.db, { status: 'sending' })).items.map((r) => r.id)).toEqual([inFlight.id])
    // …after it, the interrupted row is closed without a second send, and the other is delivered.
    const later = new Date(Date.now() + 5 * 60_000)
    expect(await app.notifications.runOnce(later)).toMatchObject({ sent: 0, unconfirmed: 1 })
    expect(await app.notifications.runOnce(later)).toMatchObject({ sent: 0, unconfirmed: 0 })

    const final = (await listOutbox(app.db)).items
    expect(final.find((r) => r.id === inFlight.id)).toMatchObject({ status: 'unconfirmed', attempts: 1 })
    expect(final.filter((r) => r.status === 'sent')).toHaveLength(1)
    expect(env.wechat.sendRequests - sendsBefore).toBe(1)
    for (const s of shoppers) expect(env.wechat.sent.filter((m) => m.touser === s.openid)).toHaveLength(1)
  })
})
