import type { FastifyInstance } from 'fastify'
import type { AgentPoll, ChatMessage } from '../../types/chat'
import type { TicketDetail } from '../../types/ticket'
import { pushSignature } from '../../server/features/wechat-push/push-signature'
import { cid, current, pollShopper, say, sendRaw, type Auth } from '../support/chat'
import { FakeWechat } from '../support/fake-wechat'
import { buildTestApp, createTestDatabase, type TestDatabase } from '../support/server'
import { agent, damagedBody, submit, uploads } from '../support/tickets'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
const PUBLIC = 'https://desk.example.com/service'
const PUSH_TOKEN = 'pushToken2026'

describe(`image content security: mediaCheckAsync and the message push (${dbName})`, () => {
  let fake: FakeWechat
  let database: TestDatabase
  let app: FastifyInstance
  let staff: Auth
  let logins = 0
  beforeAll(async () => {
    fake = await new FakeWechat().start()
    database = await createTestDatabase()
    app = await buildTestApp(
      {
        auth: { production: false, wechat: { appId: fake.appId, secret: fake.secret, apiBase: fake.url } },
        publicBaseUrl: PUBLIC,
        wechatPushToken: PUSH_TOKEN,
      },
      database,
    )
    staff = await agent(app)
  })
  afterAll(async () => {
    await app.close()
    await database.drop()
    await fake.stop()
  })

  async function wechatShopper(): Promise<Auth & { openid: string }> {
    const openid = `oImg_${++logins}`
    fake.code(`code-img-${logins}`, openid)
    const res = await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: `code-img-${logins}` } })
    return { authorization: `Bearer ${res.json().token}`, userId: res.json().user.id, openid }
  }
  const download = (id: string, who?: Auth) =>
    app.inject({ url: `/api/uploads/${id}`, headers: who ? { authorization: who.authorization } : {} })
  const checkOf = (id: string) => {
    const check = fake.mediaChecks.find((c) => c.media_url.includes(`/api/uploads/${id}?`))
    if (!check) throw new Error(`no media check for ${id}`)
    return check
  }
  const push = (traceId: string, suggest: 'pass' | 'review' | 'risky', timestamp?: number) =>
    app.inject(fake.mediaVerdictPush(PUSH_TOKEN, traceId, suggest, timestamp))

  it('sends each shopper image to WeChat with a public signed link, and a passed image stays visible', async () => {
    const me = await wechatShopper()
    const [id] = await uploads(app, me, 1)
    const check = checkOf(id)
    expect(check).toMatchObject({ media_type: 2, version: 2, scene: 2, openid: me.openid })
    expect(check.media_url.startsWith(`${PUBLIC}/api/uploads/${id}?exp=`)).toBe(true)
    // The link WeChat fetches works without any Authorization header.
    const fetched = await app.inject({ url: check.media_url.slice(PUBLIC.length) })
    expect(fetched.statusCode).toBe(200)
    expect(fetched.headers['content-type']).toBe('image/png')

    const res = await push(check.trace_id, 'pass')
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe('success')
    expect((await download(id, staff)).statusCode).toBe(200)
  })

  it('treats review as pass', async () => {
    const me = await wechatShopper()
    const [id] = await uploads(app, me, 1)
    expect((await push(checkOf(id).trace_id, 'review')).body).toBe('success')
    expect((await download(id, staff)).statusCode).toBe(200)
  })

  it('hides a risky chat image from agents and tells the shopper, losing nothing and keeping seq gapless', async () => {
    const me = await wechatShopper()
    await say(app, me, '我要投诉，东西是坏的')
    const conv = await current(app, me)
    expect(conv.status).toBe('queued')
    const claim = await app.inject({
      method: 'POST',
      url: `/api/agent/conversations/${conv.id}/claim`,
      headers: { authorization: staff.authorization },
    })
    expect(claim.statusCode).toBe(200)
    const [id] = await uploads(app, me, 1)
    const sent = await sendRaw(app, me, { clientMsgId: cid(), kind: 'image', uploadId: id })
    expect(sent.statusCode).toBe(200)
    const image = sent.json<ChatMessage>()
    await say(app, me, '就是这个破损的地方')
    const before = await pollShopper(app, me, 'after=0')

    expect((await push(checkOf(id).trace_id, 'risky')).body).toBe('success')

    const forAgent = await download(id, staff)
    expect(forAgent.statusCode).toBe(451)
    expect(forAgent.json()).toEqual({ error: { code: 'IMAGE_BLOCKED', message: expect.any(String) } })
    expect((await app.inject({ url: image.imageUrl! })).statusCode).toBe(451)
    // The sender still sees their own picture.
    expect((await download(id, me)).statusCode).toBe(200)

    const agentView = await app.inject({
      url: `/api/agent/conversations/${conv.id}/messages?after=0`,
      headers: { authorization: staff.authorization },
    })
    const agentMessages = agentView.json<AgentPoll>().messages
    expect(agentMessages.find((m) => m.uploadId === id)).toMatchObject({ imageBlocked: true })

    const after = await pollShopper(app, me, 'after=0')
    const seqs = after.messages.map((m) => m.seq)
    expect(seqs).toEqual(seqs.map((_, i) => i + 1))
    expect(after.messages.slice(0, before.messages.length).map((m) => m.id)).toEqual(before.messages.map((m) => m.id))
    const notice = after.messages.at(-1)!
    expect(notice).toMatchObject({ sender: 'system', kind: 'event', event: { type: 'image_blocked', uploadId: id } })
    expect(notice.text).toContain('未通过微信内容安全检查')
    expect(after.messages.find((m) => m.id === image.id)).toMatchObject({ imageBlocked: true })

    // WeChat may push the same verdict again: nothing more is said.
    expect((await push(checkOf(id).trace_id, 'risky')).body).toBe('success')
    expect((await pollShopper(app, me, 'after=0')).messages).toHaveLength(after.messages.length)
  })

  it('marks an image found risky before it was sent, so neither side gets a broken picture', async () => {
    const me = await wechatShopper()
    const [id] = await uploads(app, me, 1)
    await push(checkOf(id).trace_id, 'risky')
    const sent = await sendRaw(app, me, { clientMsgId: cid(), kind: 'image', uploadId: id })
    expect(sent.statusCode).toBe(200)
    expect(sent.json<ChatMessage>().imageBlocked).toBe(true)
    expect((await download(id, staff)).statusCode).toBe(451)
  })

  it('hides risky ticket evidence from agents and says so on the ticket timeline', async () => {
    const me = await wechatShopper()
    const ticket = await submit(app, me, await damagedBody(app, me))
    const [bad, good] = ticket.attachments.map((a) => a.uploadId)
    const before = ticket.timeline.length
    expect((await push(checkOf(bad).trace_id, 'risky')).body).toBe('success')
    await push(checkOf(good).trace_id, 'pass')

    expect((await download(bad, staff)).json().error.code).toBe('IMAGE_BLOCKED')
    expect((await download(good, staff)).statusCode).toBe(200)
    const forAgent = await app.inject({ url: `/api/agent/tickets/${ticket.id}`, headers: { authorization: staff.authorization } })
    expect(forAgent.json<TicketDetail>().attachments.map((a) => a.blocked ?? false)).toEqual([true, false])
    const mine = (await app.inject({ url: `/api/tickets/${ticket.id}`, headers: { authorization: me.authorization } })).json<TicketDetail>()
    expect(mine.timeline).toHaveLength(before + 1)
    expect(mine.timeline.at(-1)).toMatchObject({ type: 'image_blocked', actor: { role: 'system' } })
    expect(mine.timeline.at(-1)!.text).toContain('未通过微信内容安全检查')
  })

  it('refuses a push with a wrong signature or an old timestamp, and changes nothing', async () => {
    const me = await wechatShopper()
    const [id] = await uploads(app, me, 1)
    const trace = checkOf(id).trace_id

    const forged = fake.mediaVerdictPush('notTheToken', trace, 'risky')
    const bad = await app.inject(forged)
    expect(bad.statusCode).toBe(401)
    expect(bad.json().error.code).toBe('PUSH_SIGNATURE_INVALID')

    const stale = await push(trace, 'risky', Math.floor(Date.now() / 1000) - 3600)
    expect(stale.statusCode).toBe(401)
    expect(stale.json().error.code).toBe('PUSH_EXPIRED')

    const unsigned = await app.inject({ method: 'POST', url: '/api/wechat/push', payload: { MsgType: 'event' } })
    expect(unsigned.statusCode).toBe(401)
    expect((await download(id, staff)).statusCode).toBe(200)
  })

  it('answers the admin console’s URL check with echostr only when the signature matches', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000))
    const signature = pushSignature(PUSH_TOKEN, timestamp, 'n0nce')
    const ok = await app.inject({ url: `/api/wechat/push?signature=${signature}&timestamp=${timestamp}&nonce=n0nce&echostr=hello123` })
    expect(ok.statusCode).toBe(200)
    expect(ok.body).toBe('hello123')
    const wrong = await app.inject({
      url: `/api/wechat/push?signature=${'0'.repeat(40)}&timestamp=${timestamp}&nonce=n0nce&echostr=hello123`,
    })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.body).not.toContain('hello123')
  })

  it('acknowledges pushes it does not handle yet', async () => {
    const res = await app.inject(fake.signedPush(PUSH_TOKEN, Math.floor(Date.now() / 1000), { MsgType: 'text', Content: '你好' }))
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe('success')
  })
})

describe(`image content security without PUBLIC_BASE_URL (${dbName})`, () => {
  let fake: FakeWechat
  let app: FastifyInstance
  beforeAll(async () => {
    fake = await new FakeWechat().start()
    app = await buildTestApp({ auth: { production: false, wechat: { appId: fake.appId, secret: fake.secret, apiBase: fake.url } } })
  })
  afterAll(async () => {
    await app.close()
    await fake.stop()
  })

  it('skips the image check (WeChat cannot fetch a local address) and the push endpoint is off', async () => {
    fake.code('code-local', 'oLocal')
    const login = await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'code-local' } })
    const me = { authorization: `Bearer ${login.json().token}`, userId: login.json().user.id }
    const [id] = await uploads(app, me, 1)
    expect(fake.mediaChecks).toHaveLength(0)
    const staff = await agent(app)
    expect((await app.inject({ url: `/api/uploads/${id}`, headers: { authorization: staff.authorization } })).statusCode).toBe(200)
    const res = await app.inject(fake.signedPush('anyToken', Math.floor(Date.now() / 1000), { MsgType: 'event' }))
    expect(res.statusCode).toBe(404)
  })
})
