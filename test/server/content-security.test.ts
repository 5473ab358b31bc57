import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { splitForCheck } from '../../server/features/moderation/wechat-security.client'
import { foldForMatching, loadWordList } from '../../server/features/moderation/word-list'
import { cid, current, pollShopper, say, sendRaw, type Auth } from '../support/chat'
import { FakeWechat } from '../support/fake-wechat'
import { buildTestApp, createTestDatabase, guest, type TestDatabase } from '../support/server'
import { agent, move, pointsBody, submit } from '../support/tickets'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
const blocked = { error: { code: 'CONTENT_BLOCKED', message: expect.any(String) } }

const createTicket = (app: FastifyInstance, who: Auth, body: object, key: string) =>
  app.inject({ method: 'POST', url: '/api/tickets', headers: { authorization: who.authorization, 'idempotency-key': key }, payload: body })

describe('the local word list', () => {
  it('loads and matches through case, width and spaces put between the characters', () => {
    const words = loadWordList()
    expect(words.find('请问可以代 开-发 票吗')).toBe(foldForMatching('代开发票'))
    expect(words.find('ＦＵＣＫ  YOU')).not.toBeNull()
    expect(words.find('快递三天没更新了，麻烦帮我查一下')).toBeNull()
    expect(words.find('杯子把手断了，我要退货退款')).toBeNull()
  })

  it('splits long text into pieces WeChat accepts, without cutting a character in half', () => {
    const text = '😀'.repeat(2600) + '好'
    const parts = splitForCheck(text)
    expect(parts.map((p) => Array.from(p).length)).toEqual([2500, 101])
    expect(parts.join('')).toBe(text)
  })
})

describe(`content security without WeChat credentials: the local word list (${dbName})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  it('refuses a chat message with a listed word and loses nothing else of the conversation', async () => {
    const me = await guest(app)
    await say(app, me, '你好')
    const before = await current(app, me)
    const res = await sendRaw(app, me, { clientMsgId: cid(), kind: 'text', text: '这里可以代 开 发 票吗' })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual(blocked)
    const after = await current(app, me)
    expect(after.lastSeq).toBe(before.lastSeq)
    const history = await pollShopper(app, me, 'after=0')
    expect(history.messages.map((m) => m.text)).not.toContain('这里可以代 开 发 票吗')
    expect(history.messages.filter((m) => m.sender === 'shopper').map((m) => m.text)).toEqual(['你好'])
    const next = await say(app, me, '快递什么时候到')
    expect(next.seq).toBe(before.lastSeq + 1)
  })

  it('refuses a ticket description without using up its idempotency key', async () => {
    const me = await guest(app)
    const key = crypto.randomUUID()
    const refused = await createTicket(app, me, pointsBody('帮我刷单返利，积分就到账了'), key)
    expect(refused.statusCode).toBe(422)
    expect(refused.json()).toEqual(blocked)
    const ok = await createTicket(app, me, pointsBody('上个月的积分没有到账'), key)
    expect(ok.statusCode).toBe(201)
    const list = await app.inject({ url: '/api/tickets', headers: { authorization: me.authorization } })
    expect(list.json().items).toHaveLength(1)
  })

  it('refuses a reopen reason and a rating comment, leaving the ticket as it was', async () => {
    const me = await guest(app)
    const staff = await agent(app)
    const ticket = await submit(app, me, pointsBody())
    await move(app, staff, ticket.id, { to: 'in_progress' })
    await move(app, staff, ticket.id, { to: 'resolved', resolutionSummary: '积分已补发' })
    const call = (method: 'POST' | 'PUT', path: string, payload: object) =>
      app.inject({ method, url: `/api/tickets/${ticket.id}/${path}`, headers: { authorization: me.authorization }, payload })

    expect((await call('POST', 'reopen', { reason: '你们是赌博网站吗' })).statusCode).toBe(422)
    const seen = await app.inject({ url: `/api/tickets/${ticket.id}`, headers: { authorization: me.authorization } })
    expect(seen.json()).toMatchObject({ status: 'resolved', reopenCount: 0 })

    expect((await call('POST', 'confirm', {})).statusCode).toBe(200)
    expect((await call('POST', 'rating', { score: 1, tags: [], comment: 'fuck you' })).statusCode).toBe(422)
    const rated = await call('POST', 'rating', { score: 2, tags: [], comment: '处理得太慢了' })
    expect(rated.statusCode).toBe(200)
    expect(rated.json().rating).toMatchObject({ score: 2, comment: '处理得太慢了' })
  })

  it('lets agents write what they need (only shoppers’ texts are checked)', async () => {
    const me = await guest(app)
    const staff = await agent(app)
    const ticket = await submit(app, me, pointsBody())
    await move(app, staff, ticket.id, { to: 'in_progress' })
    const reply = await app.inject({
      method: 'POST',
      url: `/api/agent/tickets/${ticket.id}/replies`,
      headers: { authorization: staff.authorization },
      payload: { text: '请勿相信“代开发票”的私信，官方不会这样联系您。' },
    })
    expect(reply.statusCode).toBe(200)
  })
})

describe(`content security with WeChat credentials: msgSecCheck v2 against a local fake (${dbName})`, () => {
  let fake: FakeWechat
  let database: TestDatabase
  let app: FastifyInstance
  let me: Auth
  beforeAll(async () => {
    fake = await new FakeWechat().start()
    database = await createTestDatabase()
    app = await buildTestApp(
      { auth: { production: false, wechat: { appId: fake.appId, secret: fake.secret, apiBase: fake.url } } },
      database,
    )
    fake.code('code-sec-1', 'oSec_openid_1')
    const login = await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'code-sec-1' } })
    const session = login.json()
    me = { authorization: `Bearer ${session.token}`, userId: session.user.id }
    fake.riskyWords = ['违规外链']
  })
  afterAll(async () => {
    await app.close()
    await database.drop()
    await fake.stop()
  })

  it('asks WeChat with the shopper’s openid, version 2 and the scene, and refuses what it rates risky', async () => {
    const before = await current(app, me)
    const res = await sendRaw(app, me, { clientMsgId: cid(), kind: 'text', text: '点这个违规外链领红包' })
    expect(res.statusCode).toBe(422)
    expect(res.json()).toEqual(blocked)
    expect(fake.secChecks.at(-1)).toEqual({ content: '点这个违规外链领红包', version: 2, scene: 2, openid: 'oSec_openid_1' })
    expect((await current(app, me)).lastSeq).toBe(before.lastSeq)

    // The word list is only the fallback: WeChat's "pass" lets a text through that the list would stop.
    const ok = await say(app, me, '有人私信说能代开发票，是你们的客服吗？')
    expect(ok.seq).toBe(before.lastSeq + 1)
  })

  it('sends texts longer than 2,500 characters in pieces, all with the one cached token', async () => {
    const tokens = fake.tokenRequests
    const checks = fake.secChecks.length
    const long = `${'物流信息一直没有更新。'.repeat(500)}违规外链`
    const refused = await app.moderation.refuse(me.userId, [long], 1)
    expect(refused).toEqual({ source: 'wechat', label: 20006 })
    const calls = fake.secChecks.slice(checks)
    expect(calls).toHaveLength(3)
    expect(calls.every((c) => Array.from(c.content).length <= 2500 && c.scene === 1)).toBe(true)
    expect(calls.map((c) => c.content).join('')).toBe(long)
    expect(fake.tokenRequests).toBe(Math.max(tokens, 1))
  })

  it('falls back to the local word list while WeChat is busy', async () => {
    fake.secCheckBusy = true
    try {
      const refused = await sendRaw(app, me, { clientMsgId: cid(), kind: 'text', text: '代开发票找我' })
      expect(refused.statusCode).toBe(422)
      const ok = await sendRaw(app, me, { clientMsgId: cid(), kind: 'text', text: '订单还没发货' })
      expect(ok.statusCode).toBe(200)
    } finally {
      fake.secCheckBusy = false
    }
  })
})
