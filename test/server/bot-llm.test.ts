import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { answer, INTENTS } from '../../server/features/chat/bot'
import {
  languageModelSettings,
  LLM_TIMEOUT_MS,
  readWithLanguageModel,
  type LanguageModelSettings,
} from '../../server/features/chat/bot/language-model'
import { listOrdersFor } from '../../server/features/orders/orders.service'
import { pollShopper, say } from '../support/chat'
import { buildTestApp, guest } from '../support/server'

/** A local stand-in for an OpenAI-compatible chat completions endpoint. */
interface FakeLlm {
  url: string
  requests: { auth: string | undefined; body: { model: string; response_format: unknown; messages: { role: string; content: string }[] } }[]
  reply: (system: string) => { status: number; body: string } | 'hang'
  close(): Promise<void>
}

async function startFakeLlm(): Promise<FakeLlm> {
  const fake: FakeLlm = { url: '', requests: [], reply: () => ({ status: 500, body: '' }), close: async () => undefined }
  const server = http.createServer((req, res) => {
    let raw = ''
    req.on('data', (c) => (raw += c))
    req.on('end', () => {
      if (req.url !== '/v1/chat/completions' || req.method !== 'POST') return void res.writeHead(404).end()
      const body = JSON.parse(raw) as FakeLlm['requests'][number]['body']
      fake.requests.push({ auth: req.headers.authorization, body })
      const out = fake.reply(body.messages[0]?.content ?? '')
      if (out === 'hang') return
      res.writeHead(out.status, { 'content-type': 'application/json' }).end(out.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
  fake.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return fake
}

const completion = (content: unknown) => ({
  status: 200,
  body: JSON.stringify({
    choices: [{ message: { role: 'assistant', content: typeof content === 'string' ? content : JSON.stringify(content) } }],
  }),
})

describe('optional language model provider (local fake)', () => {
  let fake: FakeLlm
  let settings: LanguageModelSettings
  beforeAll(async () => {
    fake = await startFakeLlm()
    settings = { baseUrl: fake.url, apiKey: 'test-key', model: 'test-model' }
  })
  afterAll(() => fake.close())

  it('is off unless both LLM_BASE_URL and LLM_API_KEY are set, with a 3 s timeout', () => {
    expect(languageModelSettings({})).toBeNull()
    expect(languageModelSettings({ LLM_BASE_URL: 'http://x' })).toBeNull()
    expect(languageModelSettings({ LLM_BASE_URL: 'http://x/v1/', LLM_API_KEY: 'k' })).toEqual({
      baseUrl: 'http://x/v1',
      apiKey: 'k',
      model: 'gpt-4o-mini',
    })
    expect(LLM_TIMEOUT_MS).toBe(3000)
  })

  it('sends the knowledge base and the shopper’s orders, and accepts a grounded draft', async () => {
    const orders = await listOrdersFor('llm-shopper-1')
    const orderNo = orders[0]!.orderNo
    fake.reply = () => completion({ intent: 'logistics.track', confidence: 0.92, answer: `您的订单 ${orderNo} 正在配送中。` })
    const reading = await readWithLanguageModel(settings, '我的东西呢', orders)
    expect(reading).toMatchObject({ intent: { id: 'logistics.track' }, confidence: 0.92, answer: `您的订单 ${orderNo} 正在配送中。` })
    const sent = fake.requests.at(-1)!
    expect(sent.auth).toBe('Bearer test-key')
    expect(sent.body).toMatchObject({ model: 'test-model', response_format: { type: 'json_object' } })
    expect(sent.body.messages[0]!.content).toContain(orderNo)
    expect(sent.body.messages[0]!.content).toContain('Knowledge base')
    expect(sent.body.messages[1]).toEqual({ role: 'user', content: '我的东西呢' })
  })

  it('drops a draft that invents a number, and refuses unknown intents and malformed output', async () => {
    fake.reply = () => completion({ intent: 'order.refund_progress', confidence: 0.9, answer: '退款会在 2 小时内到账，另补偿 50 元。' })
    const invented = await readWithLanguageModel(settings, '退款呢', [])
    expect(invented?.intent.id).toBe('order.refund_progress')
    expect(invented?.answer).toBeUndefined()
    for (const reply of [
      completion({ intent: 'order.give_free_money', confidence: 0.99 }),
      completion('not json at all'),
      completion({ intent: 'order.cancel', confidence: 7 }),
      completion({ intent: 'order.cancel', confidence: 0.9, extra: 'field' }),
      { status: 500, body: '{}' },
      { status: 200, body: '{"choices": []}' },
    ]) {
      fake.reply = () => reply
      expect(await readWithLanguageModel(settings, '取消订单', [])).toBeNull()
    }
  })

  it('falls back to the local model when the provider does not answer in time', async () => {
    fake.reply = () => 'hang'
    expect(await readWithLanguageModel({ ...settings, timeoutMs: 50 }, '今天能到吗', [])).toBeNull()
    expect(answer({ text: '今天能到吗', hint: null }).meta.serviceType).toBe('logistics')
  })

  it('lets a sure reading settle a message the local model would ask about, but never override a sure local one', () => {
    // Words the local model has never seen leave it with nothing but its priors.
    const unsure = 'zqxjv wvkp 5/20'
    expect(['clarify', 'unknown']).toContain(answer({ text: unsure }).meta.intent)
    const hint = { intent: INTENTS.get('logistics.delivery_time')!, confidence: 0.9, answer: '预计 5/20 送达。' }
    const helped = answer({ text: unsure, hint })
    expect(helped.meta).toMatchObject({ serviceType: 'logistics', intent: 'logistics.delivery_time' })
    expect(helped.text).toContain('预计 5/20 送达。')
    const sure = answer({ text: '发票怎么开', hint })
    expect(sure.meta.intent).toBe('order.invoice')
  })

  describe('in the chat', () => {
    let app: FastifyInstance
    beforeAll(async () => {
      process.env.LLM_BASE_URL = fake.url
      process.env.LLM_API_KEY = 'test-key'
      app = await buildTestApp()
    })
    afterAll(async () => {
      delete process.env.LLM_BASE_URL
      delete process.env.LLM_API_KEY
      await app.close()
    })

    it('answers from the provider’s reading, and from the local model when the provider fails', async () => {
      const me = await guest(app)
      fake.reply = () => completion({ intent: 'logistics.delivery_time', confidence: 0.88 })
      const first = await say(app, me, 'zqxjv wvkp')
      const bot = (await pollShopper(app, me, `after=${first.seq}`)).messages[0]!
      expect(bot.meta).toMatchObject({ serviceType: 'logistics', intent: 'logistics.delivery_time' })
      fake.reply = () => ({ status: 503, body: '' })
      const second = await say(app, me, '发票怎么开')
      const local = (await pollShopper(app, me, `after=${second.seq}`)).messages[0]!
      expect(local.meta).toMatchObject({ serviceType: 'order', intent: 'order.invoice' })
    })
  })
})
