/**
 * The chat's lifecycle in Chromium: after a conversation ends — by the agent, by the idle
 * sweep or by the shopper — the next question starts a new one and its bot answer is on
 * screen at once; a reload in each state shows the same.
 */
import type { Browser, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { Conversation } from '../../types/chat'
import { launchBrowser, phoneContext, shopperToken, startServer, watchErrors } from '../support/e2e'
import { agent as signInAgent } from '../support/chat'

describe('chat lifecycle in Chromium (H5 build, real server)', () => {
  let app: FastifyInstance
  let baseUrl: string
  let browser: Browser
  beforeAll(async () => {
    ;({ app, baseUrl } = await startServer())
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  const api = async <T>(pathname: string, authorization: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${pathname}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    if (!res.ok) throw new Error(`${pathname} → ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }

  /** A chat page with helpers that look only at what is on screen. */
  async function openChat() {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${baseUrl}/#/pages/chat/index`)
    const bot = () => page.locator('.bubble--bot').filter({ visible: true })
    await bot().first().waitFor()
    const ask = async (text: string) => {
      await page.locator('.composer__input textarea').fill(text)
      await page.locator('.composer__send').click()
      await page.locator('.msg--mine').filter({ hasText: text }).first().waitFor()
      // The bot's answer to this question: the newest line on screen comes from the bot.
      await page.locator('.msg').filter({ visible: true }).last().locator('.bubble--bot').waitFor()
    }
    const banner = () => page.locator('.banners').filter({ visible: true })
    /** Waits for "ended" and the rating invitation that every end brings, and puts it off for later. */
    const ended = async () => {
      await banner().getByText('本次会话已结束', { exact: false }).waitFor()
      await page.getByRole('dialog', { name: '评价本次服务' }).waitFor()
      await page.locator('.sheet__close').filter({ visible: true }).click()
      await page.getByRole('dialog', { name: '评价本次服务' }).waitFor({ state: 'detached' })
    }
    return { context, page, errors, ask, banner, ended }
  }

  async function handOverAndClaim(page: Page, ask: (t: string) => Promise<void>) {
    await ask('快递一周了物流信息都没有更新')
    await page.locator('.chat__handoff').click()
    await page.locator('.banner--queued').filter({ visible: true }).waitFor()
    const shopper = `Bearer ${await shopperToken(page)}`
    const conv = await api<Conversation>('/api/chat', shopper)
    const desk = await signInAgent(app, '小艾')
    await api(`/api/agent/conversations/${conv.id}/claim`, desk.authorization, {})
    await page.locator('.chat__state').getByText('小艾 为您服务中').waitFor()
    return { conv, desk }
  }

  it('ended by the agent: the next question gets its bot answer at once, and a reload keeps it', async () => {
    const { context, page, errors, ask, banner, ended } = await openChat()
    const { conv, desk } = await handOverAndClaim(page, ask)
    await api(`/api/agent/conversations/${conv.id}/end`, desk.authorization, {})
    await ended()

    await ask('我的退款什么时候到账')
    await banner().getByText('本次会话已结束', { exact: false }).waitFor({ state: 'detached' })
    // The old conversation's lines are gone from screen: the new one starts fresh.
    expect(await page.locator('.msg--mine').filter({ hasText: '快递一周了' }).count()).toBe(0)

    await page.reload()
    await page.locator('.msg--mine').filter({ hasText: '我的退款什么时候到账' }).first().waitFor()

    // 会话记录: the ended conversation is still there to read.
    await page.locator('.chat__history').filter({ visible: true }).click()
    const history = page.getByRole('dialog', { name: '会话记录' })
    await history.waitFor()
    await history.getByText('已结束', { exact: false }).click()
    await history.locator('.msg--mine').filter({ hasText: '快递一周了' }).first().waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  it('ended by the idle sweep: the next question starts a new conversation', async () => {
    const { context, page, errors, ask, banner, ended } = await openChat()
    await ask('优惠券怎么用')
    await app.chat.sweepIdle(new Date(Date.now() + 24 * 3600_000))
    await ended()
    await ask('会员积分怎么查')
    expect(await banner().getByText('本次会话已结束', { exact: false }).count()).toBe(0)
    const shopper = `Bearer ${await shopperToken(page)}`
    const now = await api<Conversation>('/api/chat', shopper)
    expect(now.status).toBe('bot')
    expect(errors).toEqual([])
    await context.close()
  })

  it('ended by the shopper: a reload in the ended state, then a new question is answered', async () => {
    const { context, page, errors, ask, banner, ended } = await openChat()
    await ask('怎么修改收货地址')
    await page.locator('.chat__action--ghost').filter({ hasText: '结束' }).filter({ visible: true }).click()
    await page.getByText('确定', { exact: true }).filter({ visible: true }).click()
    await ended()
    // After a reload the ended chat is still there, its history readable, its rating still asked for.
    await page.reload()
    await ended()
    await page.locator('.msg--mine').filter({ hasText: '怎么修改收货地址' }).filter({ visible: true }).waitFor()
    await ask('发票怎么开')
    expect(await banner().getByText('本次会话已结束', { exact: false }).count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('two tabs of the same shopper: the new conversation one tab starts shows in the other', async () => {
    const { context, errors, ask, ended } = await openChat()
    await ask('怎么查物流')
    const other = await context.newPage()
    errors.push(...watchErrors(other))
    await other.goto(`${baseUrl}/#/pages/chat/index`)
    await other.locator('.msg--mine').filter({ hasText: '怎么查物流' }).filter({ visible: true }).waitFor()
    await app.chat.sweepIdle(new Date(Date.now() + 24 * 3600_000))
    await ended()
    await ask('优惠券过期了还能用吗')
    // The other tab follows without a reload.
    await other.locator('.msg--mine').filter({ hasText: '优惠券过期了还能用吗' }).filter({ visible: true }).waitFor()
    expect(await other.locator('.msg--mine').filter({ hasText: '怎么查物流' }).filter({ visible: true }).count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })
})
