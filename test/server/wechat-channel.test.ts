import type { FastifyInstance } from 'fastify'
import type { AgentConversation, ChatPoll } from '../../types/chat'
import { contactSessionFrom } from '../../src/features/help/help.helpers'
import { agent, cid, current, say, type Auth } from '../support/chat'
import { FakeWechat, type PushSettings } from '../support/fake-wechat'
import { png } from '../support/images'
import { pointsBody, submit } from '../support/tickets'
import { buildTestApp, createTestDatabase, type TestDatabase } from '../support/server'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
const TOKEN = 'pushToken2026'
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'

const MODES: Array<{ name: string; settings: PushSettings }> = [
  { name: 'JSON, plain', settings: { token: TOKEN, format: 'json' } },
  { name: 'XML, plain', settings: { token: TOKEN, format: 'xml' } },
  { name: 'JSON, safe mode', settings: { token: TOKEN, format: 'json', aesKey: AES_KEY } },
  { name: 'XML, safe mode', settings: { token: TOKEN, format: 'xml', aesKey: AES_KEY } },
]

/** Waits until `check` holds, polling every 5 ms; `ms` only bounds how long a broken build hangs. */
async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('condition never held')
    await new Promise((r) => setTimeout(r, 5))
  }
}

let msgIds = 24_000_000_000_000_000n
const nextMsgId = () => String(++msgIds)
const now = () => Math.floor(Date.now() / 1000)

describe.each(MODES)(`the native WeChat channel, $name (${dbName})`, ({ settings }) => {
  let fake: FakeWechat
  let database: TestDatabase
  let app: FastifyInstance
  let staff: Auth
  let shoppers = 0
  beforeAll(async () => {
    fake = await new FakeWechat().start()
    database = await createTestDatabase()
    app = await buildTestApp(
      {
        auth: { production: false, wechat: { appId: fake.appId, secret: fake.secret, apiBase: fake.url } },
        wechatPushToken: TOKEN,
        wechatPushAesKey: settings.aesKey ?? null,
        wechatPushFormat: settings.format,
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

  const openid = () => `oKf_${settings.format}_${settings.aesKey ? 's' : 'p'}_${++shoppers}`
  const push = (body: Record<string, unknown>, opts?: { timestamp?: number; nonce?: string }) =>
    app.inject(fake.customerPush(settings, body, opts))
  const text = (from: string, content: string, msgId = nextMsgId()) =>
    push({ FromUserName: from, CreateTime: now(), MsgType: 'text', Content: content, MsgId: msgId })
  const settle = () => app.wechatChannel.runOnce()
  const agentGet = async <T>(url: string): Promise<T> => {
    const res = await app.inject({ url, headers: { authorization: staff.authorization } })
    expect(res.statusCode).toBe(200)
    return res.json() as T
  }
  const conversationOf = async (from: string): Promise<AgentConversation> => {
    const row = await app.db
      .selectFrom('chat_conversations')
      .innerJoin('users', 'users.id', 'chat_conversations.shopper_id')
      .select('chat_conversations.id')
      .where('users.openid', '=', from)
      .executeTakeFirstOrThrow()
    return agentGet<AgentConversation>(`/api/agent/conversations/${row.id}`)
  }
  const reply = (id: string, body: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: `/api/agent/conversations/${id}/messages`,
      headers: { authorization: staff.authorization },
      payload: { clientMsgId: cid(), ...body },
    })
  const handedOver = async (from: string): Promise<AgentConversation> => {
    expect((await text(from, '转人工')).body).toBe('success')
    await settle()
    const conv = await conversationOf(from)
    expect(conv.status).toBe('queued')
    const claim = await app.inject({
      method: 'POST',
      url: `/api/agent/conversations/${conv.id}/claim`,
      headers: { authorization: staff.authorization },
    })
    expect(claim.statusCode).toBe(200)
    return claim.json()
  }

  it('puts a shopper’s WeChat message into their conversation and sends the bot’s answer back', async () => {
    const from = openid()
    const before = fake.customSent.length
    const res = await text(from, '我的订单什么时候发货')
    expect(res.statusCode).toBe(200)
    expect(res.body).toBe('success')
    await settle()
    const conv = await conversationOf(from)
    expect(conv.channel).toBe('wechat')
    const poll = await agentGet<ChatPoll>(`/api/agent/conversations/${conv.id}/messages?after=0`)
    const mine = poll.messages.find((m) => m.sender === 'shopper')
    expect(mine).toMatchObject({ text: '我的订单什么时候发货', origin: 'wechat' })
    const bot = poll.messages.filter((m) => m.sender === 'bot').at(-1)!
    const sent = fake.customSent.slice(before)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toEqual({ touser: from, msgtype: 'text', text: { content: bot.text } })
    expect(conv.wechatWindow).toMatchObject({ open: true, repliesLeft: 4 })
  })

  it('stores a retried push once, also when WeChat sends it again with a new nonce', async () => {
    const from = openid()
    const msgId = nextMsgId()
    const body = { FromUserName: from, CreateTime: now(), MsgType: 'text', Content: '你好，在吗', MsgId: msgId }
    const first = fake.customerPush(settings, body)
    expect((await app.inject(first)).body).toBe('success')
    expect((await app.inject(first)).body).toBe('success')
    expect((await push(body)).body).toBe('success')
    await settle()
    const conv = await conversationOf(from)
    const poll = await agentGet<ChatPoll>(`/api/agent/conversations/${conv.id}/messages?after=0`)
    expect(poll.messages.filter((m) => m.sender === 'shopper')).toHaveLength(1)
  })

  it('refuses a wrong signature, an old timestamp and a nonce reused for another body', async () => {
    const from = openid()
    const forged = fake.customerPush(
      { ...settings, token: 'notTheToken' },
      { FromUserName: from, CreateTime: now(), MsgType: 'text', Content: 'x', MsgId: nextMsgId() },
    )
    const bad = await app.inject(forged)
    expect(bad.statusCode).toBe(401)
    expect(bad.json().error.code).toBe('PUSH_SIGNATURE_INVALID')
    const old = await push(
      { FromUserName: from, CreateTime: now(), MsgType: 'text', Content: 'old', MsgId: nextMsgId() },
      { timestamp: now() - 3600 },
    )
    expect(old.statusCode).toBe(401)
    expect(old.json().error.code).toBe('PUSH_EXPIRED')
    const nonce = `n${Date.now()}`
    expect(
      (await push({ FromUserName: from, CreateTime: now(), MsgType: 'text', Content: 'a', MsgId: nextMsgId() }, { nonce })).statusCode,
    ).toBe(200)
    const replay = await push({ FromUserName: from, CreateTime: now(), MsgType: 'text', Content: 'b', MsgId: nextMsgId() }, { nonce })
    expect(replay.statusCode).toBe(401)
    expect(replay.json().error.code).toBe('PUSH_REPLAYED')
    if (settings.aesKey) {
      // A plaintext push is not WeChat's once the console is in safe mode.
      const plain = await app.inject(
        fake.customerPush(
          { ...settings, aesKey: undefined },
          { FromUserName: from, CreateTime: now(), MsgType: 'text', Content: 'p', MsgId: nextMsgId() },
        ),
      )
      expect(plain.statusCode).toBe(400)
      expect(plain.json().error.code).toBe('PUSH_MODE_UNSUPPORTED')
    }
  })

  it('hands over to the queue, and the agent’s text and image replies reach custom/send with the shopper’s openid', async () => {
    const from = openid()
    const conv = await handedOver(from)
    expect(conv.channel).toBe('wechat')
    const before = fake.customSent.length
    const res = await reply(conv.id, { kind: 'text', text: '您好，我是客服小艾，马上为您查询' })
    expect(res.statusCode).toBe(200)
    await settle()
    expect(fake.customSent.slice(before)).toEqual([
      { touser: from, msgtype: 'text', text: { content: '您好，我是客服小艾，马上为您查询' } },
    ])

    const upload = await app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { authorization: staff.authorization, 'content-type': 'multipart/form-data; boundary=b0' },
      payload: Buffer.concat([
        Buffer.from('--b0\r\nContent-Disposition: form-data; name="file"; filename="p.png"\r\nContent-Type: image/png\r\n\r\n'),
        png(),
        Buffer.from('\r\n--b0--\r\n'),
      ]),
    })
    expect(upload.statusCode).toBe(201)
    expect((await reply(conv.id, { kind: 'image', uploadId: upload.json().id })).statusCode).toBe(200)
    await settle()
    const image = fake.customSent.at(-1)!
    expect(image).toMatchObject({ touser: from, msgtype: 'image' })
    expect(fake.uploadedMedia.get(image.image!.media_id)!.data.equals(png())).toBe(true)
    const poll = await agentGet<ChatPoll>(`/api/agent/conversations/${conv.id}/messages?after=0`)
    expect(poll.messages.filter((m) => m.sender === 'agent').map((m) => m.delivery)).toEqual(['sent', 'sent'])

    const typing = await app.inject({
      method: 'POST',
      url: `/api/agent/conversations/${conv.id}/typing`,
      headers: { authorization: staff.authorization },
    })
    expect(typing.statusCode).toBeLessThan(300)
    expect(fake.typings).toContainEqual({ touser: from, command: 'Typing' })
  })

  it('fetches a picture the shopper sends through media/get, and shows a page card as a link', async () => {
    const from = openid()
    const conv = await handedOver(from)
    const mediaId = fake.addMedia(png())
    await push({
      FromUserName: from,
      CreateTime: now(),
      MsgType: 'image',
      PicUrl: 'http://mmbiz.example/x',
      MediaId: mediaId,
      MsgId: nextMsgId(),
    })
    await push({
      FromUserName: from,
      CreateTime: now(),
      MsgType: 'miniprogrampage',
      Title: '订单 SD20261201001',
      AppId: fake.appId,
      PagePath: 'pages/ticket/new/index?orderNo=SD20261201001',
      ThumbUrl: '',
      ThumbMediaId: 'thumb',
      MsgId: nextMsgId(),
    })
    await settle()
    const poll = await agentGet<ChatPoll>(`/api/agent/conversations/${conv.id}/messages?after=0`)
    const picture = poll.messages.find((m) => m.kind === 'image' && m.sender === 'shopper')!
    const file = await app.inject({ url: picture.imageUrl!, headers: { authorization: staff.authorization } })
    expect(file.rawPayload.equals(png())).toBe(true)
    const card = poll.messages.find((m) => m.card)!
    expect(card.card).toEqual({
      title: '订单 SD20261201001',
      pagePath: 'pages/ticket/new/index?orderNo=SD20261201001',
      orderNo: 'SD20261201001',
    })
  })

  it('keeps to WeChat’s reply window: five replies per shopper message, 45015 and 45047 recorded, a closed window refused', async () => {
    const from = openid()
    const conv = await handedOver(from)
    // The handoff answer and the queue line were the bot's: one reply of five is spent.
    const left = (await conversationOf(from)).wechatWindow!.repliesLeft
    for (let i = 0; i < left; i++) expect((await reply(conv.id, { kind: 'text', text: `第${i + 1}条` })).statusCode).toBe(200)
    const over = await reply(conv.id, { kind: 'text', text: '多一条' })
    expect(over.statusCode).toBe(409)
    expect(over.json().error.code).toBe('WECHAT_REPLY_LIMIT')
    await settle()
    const state = await conversationOf(from)
    expect(state.wechatWindow).toMatchObject({ open: false, repliesLeft: 0, fallback: 'ask' })

    // The shopper writes again: a fresh window; WeChat's own refusals are recorded on the message.
    await text(from, '还在吗')
    await settle()
    fake.customErrors.push(45015)
    await reply(conv.id, { kind: 'text', text: '在的' })
    fake.customErrors.push(45047)
    await reply(conv.id, { kind: 'text', text: '请稍等' })
    await settle()
    const poll = await agentGet<ChatPoll>(`/api/agent/conversations/${conv.id}/messages?after=0`)
    expect(poll.messages.slice(-2).map((m) => m.delivery)).toEqual(['expired', 'limited'])

    // Two days later the window has closed.
    await app.db
      .updateTable('chat_conversations')
      .set({ wechat_window_at: new Date(Date.now() - 49 * 3600_000).toISOString() })
      .where('id', '=', conv.id)
      .execute()
    const late = await reply(conv.id, { kind: 'text', text: '迟到的回复' })
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('WECHAT_WINDOW_CLOSED')
  })

  it('is the same shopper and conversation as wx.login signs in; writing in the app moves the channel back', async () => {
    const from = openid()
    await text(from, '你好')
    await settle()
    fake.code(`code-${from}`, from)
    const login = await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: `code-${from}` } })
    const me = { authorization: `Bearer ${login.json().token}`, userId: login.json().user.id }
    const inApp = await current(app, me)
    expect(inApp.id).toBe((await conversationOf(from)).id)
    expect(inApp.channel).toBe('wechat')
    await say(app, me, '我在小程序里继续说')
    expect((await current(app, me)).channel).toBe('app')
  })

  it('wakes the agent’s held long-poll when a reply’s delivery state changes, and hands back the message', async () => {
    const from = openid()
    const conv = await handedOver(from)
    await settle()
    fake.customErrors.push(-1)
    expect((await reply(conv.id, { kind: 'text', text: '正在为您查询物流' })).statusCode).toBe(200)
    await settle()
    const before = await agentGet<ChatPoll>(`/api/agent/conversations/${conv.id}/messages?after=0`)
    const mine = before.messages.filter((m) => m.sender === 'agent').at(-1)!
    expect(mine.delivery).toBe('pending')
    const held = agentGet<ChatPoll>(
      `/api/agent/conversations/${conv.id}/messages?after=${before.conversation.lastSeq}&version=${before.conversation.version}&wait=30`,
    )
    await until(() => app.chat.bus.listenerCount() > 0)
    // WeChat was busy; the retry is due now instead of after the backoff.
    await app.db
      .updateTable('wechat_outbound')
      .set({ next_attempt_at: new Date(0).toISOString() })
      .where('message_id', '=', mine.id)
      .execute()
    await settle()
    const woke = await held
    expect(woke.messages.filter((m) => m.id === mine.id).map((m) => m.delivery)).toEqual(['sent'])
    expect(woke.conversation.version).toBeGreaterThan(before.conversation.version)
  })

  it('refreshes a revoked access token once and still delivers', async () => {
    const from = openid()
    const conv = await handedOver(from)
    fake.invalidateToken()
    const tokens = fake.tokenRequests
    await reply(conv.id, { kind: 'text', text: '令牌刷新后送达' })
    await settle()
    expect(fake.customSent.at(-1)).toEqual({ touser: from, msgtype: 'text', text: { content: '令牌刷新后送达' } })
    expect(fake.tokenRequests).toBe(tokens + 1)
  })
})

describe(`the contact button's sessionFrom on the WeChat channel (${dbName})`, () => {
  const settings: PushSettings = { token: TOKEN, format: 'json' }
  let fake: FakeWechat
  let database: TestDatabase
  let app: FastifyInstance
  let staff: Auth
  let shoppers = 0
  beforeAll(async () => {
    fake = await new FakeWechat().start()
    database = await createTestDatabase()
    app = await buildTestApp(
      {
        auth: { production: false, wechat: { appId: fake.appId, secret: fake.secret, apiBase: fake.url } },
        wechatPushToken: TOKEN,
        wechatPushAesKey: null,
        wechatPushFormat: 'json',
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

  /** A shopper signed in through wx.login, with a ticket (its case number) and one of their orders. */
  const shopper = async () => {
    const from = `oKf_entry_${++shoppers}`
    fake.code(`code-${from}`, from)
    const login = await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: `code-${from}` } })
    const me = { authorization: `Bearer ${login.json().token}`, userId: login.json().user.id as string }
    const ticket = await submit(app, me, pointsBody())
    const orders = await app.inject({ url: '/api/orders', headers: { authorization: me.authorization } })
    const orderNo = (orders.json() as { items: Array<{ orderNo: string }> }).items[0].orderNo
    return { from, me, ticket, orderNo }
  }
  const enter = async (from: string, sessionFrom: string) => {
    const res = await app.inject(
      fake.customerPush(settings, {
        FromUserName: from,
        CreateTime: now(),
        MsgType: 'event',
        Event: 'user_enter_tempsession',
        SessionFrom: sessionFrom,
      }),
    )
    expect(res.body).toBe('success')
    await app.wechatChannel.runOnce()
  }
  const conversationOf = async (userId: string): Promise<AgentConversation> => {
    const row = await app.db.selectFrom('chat_conversations').select('id').where('shopper_id', '=', userId).executeTakeFirstOrThrow()
    const res = await app.inject({ url: `/api/agent/conversations/${row.id}`, headers: { authorization: staff.authorization } })
    expect(res.statusCode).toBe(200)
    return res.json() as AgentConversation
  }

  it('links the conversation to the shopper’s own case and order and shows the agent the page they came from', async () => {
    const a = await shopper()
    const page = `pages/ticket/detail/index?id=${a.ticket.id}`
    await enter(a.from, contactSessionFrom({ userId: a.me.userId, caseNo: a.ticket.caseNo, orderNo: a.orderNo, page: `/${page}` }))
    const conv = await conversationOf(a.me.userId)
    expect(conv).toMatchObject({
      channel: 'wechat',
      caseNo: a.ticket.caseNo,
      ticketId: a.ticket.id,
      orderNo: a.orderNo,
      wechatEntryPage: page,
    })
  })

  it('ignores another shopper’s case, order and user id: the openid decides who writes', async () => {
    const a = await shopper()
    const b = await shopper()
    await enter(b.from, contactSessionFrom({ userId: a.me.userId, caseNo: a.ticket.caseNo, orderNo: a.orderNo, page: 'pages/help/index' }))
    const conv = await conversationOf(b.me.userId)
    expect(conv.shopper.id).toBe(b.me.userId)
    expect(conv.caseNo).not.toBe(a.ticket.caseNo)
    expect(conv.ticketId).toBeNull()
    expect(conv.orderNo).toBeNull()
    expect(conv.wechatEntryPage).toBe('pages/help/index')
    const foreign = await app.db.selectFrom('chat_conversations').select('id').where('shopper_id', '=', a.me.userId).execute()
    expect(foreign).toHaveLength(0)
  })

  it('takes a garbled sessionFrom without failing, and a later message’s page replaces the entry page', async () => {
    const a = await shopper()
    await enter(a.from, 'sd|case=<script>|order=12|page=javascript:alert(1)|=|uid')
    const first = await conversationOf(a.me.userId)
    expect(first).toMatchObject({ channel: 'wechat', ticketId: null, orderNo: null })
    expect(first.wechatEntryPage).toBeUndefined()
    const res = await app.inject(
      fake.customerPush(settings, {
        FromUserName: a.from,
        CreateTime: now(),
        MsgType: 'text',
        Content: '你好',
        MsgId: nextMsgId(),
        SessionFrom: `sd|uid=${a.me.userId}|page=pages/tickets/index`,
      }),
    )
    expect(res.body).toBe('success')
    await app.wechatChannel.runOnce()
    expect((await conversationOf(a.me.userId)).wechatEntryPage).toBe('pages/tickets/index')
  })
})
