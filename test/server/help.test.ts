import type { FastifyInstance } from 'fastify'
import type { FaqList } from '../../types/help'
import { buildTestApp } from '../support/server'
import { answer } from '../../server/features/chat/bot'

describe(`help center FAQ (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  const faq = async (query: string) => {
    const res = await app.inject(`/api/help/faq${query}`)
    return { status: res.statusCode, body: res.json<FaqList>(), headers: res.headers }
  }

  it('lists one service type in Chinese without signing in', async () => {
    const { status, body } = await faq('?serviceType=logistics')
    expect(status).toBe(200)
    expect(body.ranked).toBe(false)
    expect(body.items.length).toBeGreaterThan(3)
    expect(body.items.every((e) => e.serviceType === 'logistics')).toBe(true)
    expect(body.items.map((e) => e.question)).toContain('物流问题怎么处理？')
  })

  it('groups entries without a service type under general', async () => {
    const { body } = await faq('?serviceType=general')
    expect(body.items.map((e) => e.id)).toEqual(expect.arrayContaining(['faq-channel-hotline', 'faq-tip-evidence']))
  })

  it('answers in English when asked', async () => {
    const { body } = await faq('?serviceType=payment&lang=en')
    expect(body.items[0].question).toMatch(/payment/i)
    expect(body.items[0].answer).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('ranks a search the way the bot understands the same question', async () => {
    const question = '快递一周了物流信息都没有更新'
    const { body } = await faq(`?q=${encodeURIComponent(question)}`)
    expect(body.ranked).toBe(true)
    const bot = answer({ text: question })
    expect(bot.meta.serviceType).toBe('logistics')
    expect(body.items[0].serviceType).toBe('logistics')
    expect(body.items.slice(0, 3).map((e) => e.id)).toContain(bot.meta.faqIds[0])
  })

  it('narrows a search to one service type', async () => {
    const { body } = await faq(`?q=${encodeURIComponent('退款')}&serviceType=order`)
    expect(body.items.length).toBeGreaterThan(0)
    expect(body.items.every((e) => e.serviceType === 'order')).toBe(true)
    expect(body.items[0].question).toContain('退款')
  })

  it('returns nothing for a query that matches nothing', async () => {
    const { status, body } = await faq('?q=zzqqxx')
    expect(status).toBe(200)
    expect(body).toEqual({ items: [], ranked: true })
  })

  it('rejects an unknown service type naming the field', async () => {
    const { status, body } = await faq('?serviceType=shoes')
    expect(status).toBe(400)
    expect((body as unknown as { error: { field: string } }).error.field).toContain('serviceType')
  })

  it('rejects an overlong query with 400', async () => {
    const { status } = await faq(`?q=${'a'.repeat(201)}`)
    expect(status).toBe(400)
  })
})
