import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { Migrator } from 'kysely'
import { openDatabase } from '../../server/db/database'
import { migrations } from '../../server/db/migrate'
import { localeFromAcceptLanguage } from '../../server/lib/locale'
import { catalogKeys, loadCatalogs } from '../../server/lib/texts'
import ERROR_CODES from '../../types/error-codes.json'
import SYSTEM_MESSAGES from '../../types/system-messages.json'
import type { ChatMessage, ChatPoll, Conversation } from '../../types/chat'
import { agent, cid, type Auth } from '../support/chat'
import { multipart, png } from '../support/images'
import { buildTestApp, createTestDatabase, guest } from '../support/server'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
const ROOT = path.join(__dirname, '..', '..')
const ZH = { 'accept-language': 'zh-CN,zh;q=0.9' }
const EN = { 'accept-language': 'en-US,en;q=0.9' }

/** Every .ts file under server/, as text. */
function serverSources(): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.ts')) out.push(fs.readFileSync(p, 'utf8'))
    }
  }
  walk(path.join(ROOT, 'server'))
  return out
}

describe('server catalogs and code lists', () => {
  const sources = serverSources().join('\n')

  it('has the same keys in zh-CN and en-US and refuses catalogs that differ', () => {
    const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'server/locales/zh-CN.json'), 'utf8')) as unknown
    const en = JSON.parse(fs.readFileSync(path.join(ROOT, 'server/locales/en-US.json'), 'utf8')) as unknown
    const loaded = loadCatalogs({ 'zh-CN': zh, 'en-US': en })
    expect([...loaded['en-US'].keys()].sort()).toEqual([...loaded['zh-CN'].keys()].sort())
    expect(() => loadCatalogs({ 'zh-CN': { system: { a: '甲', b: '乙' } }, 'en-US': { system: { a: 'A' } } })).toThrow(
      /only zh-CN: system.b/,
    )
    expect(() => loadCatalogs({ 'zh-CN': { a: 1 }, 'en-US': { a: 1 } })).toThrow(/must be a string/)
  })

  it('has a text for every system message code and no key nothing uses', () => {
    const systemKeys = Object.keys(SYSTEM_MESSAGES)
      .filter((c) => c !== 'legacy')
      .map((c) => `system.${c}`)
    const keys = catalogKeys()
    for (const k of systemKeys) expect(keys).toContain(k)
    const unused = keys.filter((k) => !systemKeys.includes(k) && !sources.includes(`'${k}'`))
    expect(unused).toEqual([])
  })

  it('lists every error code the server sends, and only those', () => {
    const listed = Object.keys(ERROR_CODES)
    const unused = listed.filter((code) => !sources.includes(`'${code}'`))
    expect(unused).toEqual([])
    for (const params of Object.values(ERROR_CODES)) for (const p of params) expect(p).toMatch(/^[a-z][A-Za-z]*$/)
  })

  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['en-US', 'en-US'],
    ['en', 'en-US'],
    ['en-GB,en;q=0.8', 'en-US'],
    ['zh-TW,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['fr-FR,fr;q=0.9,en;q=0.5', 'en-US'],
    ['en;q=0.3,zh;q=0.9', 'zh-CN'],
    ['fr-FR', 'zh-CN'],
    ['*', 'zh-CN'],
    ['garbage;;;q=x', 'zh-CN'],
  ])('Accept-Language %p → %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale)
  })
})

describe(`error params (${dbName})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp({ uploadMaxBytes: 1024 * 1024, rateLimitMax: 30 })
  })
  afterAll(() => app.close())

  it('gives an image over the limit its size in MB', async () => {
    const me = await guest(app)
    const { payload, headers } = multipart([
      { field: 'file', filename: 'big.png', data: Buffer.concat([png(), Buffer.alloc(1200 * 1024)]) },
    ])
    const res = await app.inject({
      method: 'POST',
      url: '/api/uploads',
      payload,
      headers: { ...headers, authorization: me.authorization, ...ZH },
    })
    expect(res.statusCode).toBe(413)
    expect(res.json().error).toEqual({
      code: 'FILE_TOO_LARGE',
      message: 'The image is larger than 1 MB.',
      field: 'file',
      params: { maxMb: 1 },
    })
  })

  it('names the field and the limit of a failed validation', async () => {
    const me = await guest(app)
    const res = await app.inject({
      method: 'POST',
      url: '/api/chat/messages',
      headers: { authorization: me.authorization },
      payload: { clientMsgId: cid(), kind: 'text', text: '长'.repeat(2001) },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.text', params: { field: 'body.text', limit: 2000 } })
  })

  it('tells a rate-limited caller how many seconds to wait', async () => {
    const me = await guest(app)
    let last = await app.inject({ url: '/api/auth/me', headers: { authorization: me.authorization } })
    for (let i = 0; i < 40 && last.statusCode === 200; i++) {
      last = await app.inject({ url: '/api/auth/me', headers: { authorization: me.authorization } })
    }
    expect(last.statusCode).toBe(429)
    const error = last.json().error
    expect(error).toMatchObject({ code: 'RATE_LIMITED', params: { seconds: expect.any(Number) } })
    expect(error.message).toContain(`${error.params.seconds} s`)
  })
})

describe(`system messages and bot language per viewer (${dbName})`, () => {
  let app: FastifyInstance
  let alice: Auth
  beforeAll(async () => {
    app = await buildTestApp()
    alice = await agent(app, '小艾')
  })
  afterAll(() => app.close())

  const send = (who: Auth, text: string, lang: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url: '/api/chat/messages',
      headers: { authorization: who.authorization, ...lang },
      payload: { clientMsgId: cid(), kind: 'text', text },
    })
  const shopperPoll = async (who: Auth, lang: Record<string, string>) =>
    (await app.inject({ url: '/api/chat/messages?after=0', headers: { authorization: who.authorization, ...lang } })).json<ChatPoll>()
  /** The bot's answer to one message sent with `lang`. */
  async function botAnswer(who: Auth, text: string, lang: Record<string, string>): Promise<ChatMessage> {
    const sent = await send(who, text, lang)
    expect(sent.statusCode).toBe(200)
    const page = await shopperPoll(who, lang)
    return page.messages.filter((m) => m.seq > sent.json<ChatMessage>().seq && m.sender === 'bot')[0]
  }

  it('shows a zh-CN shopper and an en-US agent the same notices, each in their language', async () => {
    const shopper = await guest(app)
    expect((await send(shopper, '转人工', ZH)).statusCode).toBe(200)
    const conv = (await app.inject({ url: '/api/chat', headers: { authorization: shopper.authorization, ...ZH } })).json<Conversation>()
    expect(conv.status).toBe('queued')
    const claim = await app.inject({
      method: 'POST',
      url: `/api/agent/conversations/${conv.id}/claim`,
      headers: { authorization: alice.authorization, ...EN },
    })
    expect(claim.statusCode).toBe(200)

    const mine = (await shopperPoll(shopper, ZH)).messages.filter((m) => m.sender === 'system')
    const agentView = (
      await app.inject({
        url: `/api/agent/conversations/${conv.id}/messages?after=0`,
        headers: { authorization: alice.authorization, ...EN },
      })
    )
      .json<ChatPoll>()
      .messages.filter((m) => m.sender === 'system')
    expect(mine.map((m) => m.system?.code)).toEqual(['queued', 'assigned'])
    expect(agentView.map((m) => m.system)).toEqual(mine.map((m) => m.system))
    expect(mine[1].system).toEqual({ code: 'assigned', params: { agentName: '小艾' } })
    expect(mine[0].text).toMatch(/^已为您转接.*人工客服，请稍候。$/)
    expect(mine[1].text).toBe('客服 小艾 为您服务。')
    expect(agentView[0].text).toMatch(/^Connecting you to an agent for .* questions\. Please hold on\.$/)
    expect(agentView[1].text).toBe('小艾 is now helping you.')
    expect(agentView.map((m) => m.text?.replace('小艾', '')).join('')).not.toMatch(/[\u4e00-\u9fff]/)

    // The same shopper switching the app to English reads the same history in English.
    const later = (await shopperPoll(shopper, EN)).messages.filter((m) => m.sender === 'system')
    expect(later[1].text).toBe('小艾 is now helping you.')
    // Non-system messages carry no code.
    expect((await shopperPoll(shopper, ZH)).messages.filter((m) => m.sender !== 'system').every((m) => m.system === null)).toBe(true)
  })

  it.each([
    ['zh-CN', '202611261234567890', 'zh'],
    ['zh-CN', 'iPhone 15 没收到', 'zh'],
    ['zh-CN', '👍', 'zh'],
    ['zh-CN', 'https://example.com/item/123', 'zh'],
    ['zh-CN', '<b>markup</b>', 'zh'],
    ['zh-CN', 'my parcel has not arrived', 'en'],
    ['en-US', '我的快递三天了还没到', 'zh'],
    ['en-US', 'my parcel has not arrived', 'en'],
  ])('answers a %s shopper typing %p in %s', async (ui, text, expected) => {
    const shopper = await guest(app)
    const reply = await botAnswer(shopper, text, ui === 'en-US' ? EN : ZH)
    expect(reply).toBeDefined()
    const han = /[\u4e00-\u9fff]/.test((reply.text ?? '').replace(/「[^」]*」/g, ''))
    expect(han ? 'zh' : 'en').toBe(expected)
  })

  it('answers each message in the language of its own request, not the first one', async () => {
    const shopper = await guest(app)
    const first = await botAnswer(shopper, 'my parcel has not arrived', ZH)
    expect(first.text).not.toMatch(/[\u4e00-\u9fff]/)
    const second = await botAnswer(shopper, '12345678901234567', ZH)
    expect(second.text).toMatch(/[\u4e00-\u9fff]/)
  })

  it('stores chat rating tags as ids, also when an older app sends the labels', async () => {
    const shopper = await guest(app)
    await send(shopper, '谢谢', ZH)
    const rate = (tags: string[], target = 'bot') =>
      app.inject({
        method: 'POST',
        url: '/api/chat/rating',
        headers: { authorization: shopper.authorization },
        payload: { target, score: 5, tags },
      })
    const bad = await rate(['not-a-tag'])
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.tags.0' })
    const ok = await rate(['fast', '解决了问题', 'Friendly', 'fast'])
    expect(ok.statusCode).toBe(200)
    expect(ok.json<Conversation>().rating.given[0].tags).toEqual(['fast', 'solved', 'friendly'])
  })
})

describe(`old rows migrate (${dbName})`, () => {
  it('gives stored system messages codes and chat ratings tag ids', async () => {
    const database = await createTestDatabase()
    const handle = await openDatabase({
      databaseUrl: database.config!.databaseUrl ?? null,
      dataDir: database.config!.dataDir!,
      sqliteFile: database.sqliteFile,
    })
    const provider = { getMigrations: async () => migrations }
    await new Migrator({ db: handle.db, provider }).migrateTo('2026-12-01-055-upload-moderation')
    const shopper = { id: 'u-old', role: 'shopper' as const, display_name: '访客', openid: null, device_id: null }
    await handle.db
      .insertInto('users')
      .values({ ...shopper, username: null, password_hash: null, created_at: '2026-11-30T00:00:00.000Z' })
      .execute()
    const at = '2026-11-30T01:00:00.000Z'
    await handle.db
      .insertInto('chat_conversations')
      // The row as the schema stood at 055: later columns (the WeChat channel's) do not exist yet.
      .values({
        id: 'c-old',
        shopper_id: 'u-old',
        open_key: null,
        status: 'ended',
        service_type: 'logistics',
        lang: 'zh',
        agent_id: null,
        had_agent: 1,
        handoff_reason: null,
        unhelpful_count: 0,
        order_no: null,
        ticket_id: null,
        last_seq: 5,
        version: 1,
        shopper_read_seq: 5,
        agent_read_seq: 5,
        shopper_typing_until: null,
        agent_typing_until: null,
        rating_requested: 1,
        queued_at: at,
        assigned_at: at,
        ended_at: at,
        ended_by: 'agent',
        last_activity_at: at,
        created_at: at,
        case_no: null,
      } as never)
      .execute()
    const row = (seq: number, text: string, event: Record<string, unknown> | null) => ({
      id: `m-old-${seq}`,
      conversation_id: 'c-old',
      seq,
      client_msg_id: null,
      sender: 'system' as const,
      sender_id: null,
      sender_name: null,
      kind: 'event' as const,
      text,
      upload_id: null,
      order_no: null,
      order_json: null,
      meta_json: null,
      event_json: event ? JSON.stringify(event) : null,
      created_at: at,
    })
    await handle.db
      .insertInto('chat_messages')
      .values([
        row(1, '已为您转接物流问题人工客服，请稍候。', { type: 'queued', serviceType: 'logistics' }),
        row(2, '客服 小王 为您服务。', null),
        row(3, 'This chat has ended.', null),
        row(4, '系统维护通知：今晚 23:00 暂停服务。', null),
        row(5, '已关联订单 202611261234567890。', null),
      ])
      .execute()
    await handle.db
      .insertInto('chat_ratings')
      .values({
        id: 'r-old',
        conversation_id: 'c-old',
        target: 'agent',
        agent_id: null,
        score: 2,
        comment: '',
        tags_json: JSON.stringify(['回复太慢', 'Not solved', '自定义']),
        created_at: at,
      })
      .execute()
    await handle.close()

    const app = await buildTestApp({}, database)
    try {
      const messages = await app.db.selectFrom('chat_messages').selectAll().where('conversation_id', '=', 'c-old').orderBy('seq').execute()
      expect(messages.map((m) => [m.system_code, JSON.parse(m.system_params_json ?? 'null')])).toEqual([
        ['queued', { serviceType: 'logistics' }],
        ['assigned', { agentName: '小王' }],
        ['ended', {}],
        ['legacy', {}],
        ['linked_order', { orderNo: '202611261234567890' }],
      ])
      const rating = await app.db.selectFrom('chat_ratings').selectAll().where('id', '=', 'r-old').executeTakeFirstOrThrow()
      expect(JSON.parse(rating.tags_json)).toEqual(['slow', 'unsolved', '自定义'])

      // The old shopper's history reads in the viewer's language; the unknown notice keeps its text.
      const token = await app.inject({ method: 'POST', url: '/api/auth/guest', payload: {} })
      expect(token.statusCode).toBe(200)
      const a = await agent(app, '小李')
      const view = await app.inject({
        url: '/api/agent/conversations/c-old/messages?after=0',
        headers: { authorization: a.authorization, ...EN },
      })
      expect(view.statusCode).toBe(200)
      const texts = view.json<ChatPoll>().messages.map((m) => m.text)
      expect(texts).toEqual([
        'Connecting you to an agent for Logistics questions. Please hold on.',
        '小王 is now helping you.',
        'This chat has ended.',
        '系统维护通知：今晚 23:00 暂停服务。',
        'Linked order 202611261234567890.',
      ])
    } finally {
      await app.close()
      await database.drop()
    }
  })
})
