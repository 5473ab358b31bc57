import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { createAgent, launchBrowser, phoneContext, SCREENSHOTS, signInAgentPage, startServer, watchErrors } from '../support/e2e'

describe('self-service action card in the chat, seen by an agent', () => {
  let app: FastifyInstance
  let baseUrl: string
  let browser: Browser
  let shopperCtx: BrowserContext
  let agentCtx: BrowserContext
  let shopper: Page
  let agent: Page
  let errors: string[]

  beforeAll(async () => {
    ;({ app, baseUrl } = await startServer())
    await createAgent(app, 'alice', '小艾')
    browser = await launchBrowser()
    shopperCtx = await phoneContext(browser)
    agentCtx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    shopper = await shopperCtx.newPage()
    agent = await agentCtx.newPage()
    errors = [...watchErrors(shopper), ...watchErrors(agent)]
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true })

  it('the shopper urges shipment from the card; the agent sees it in the conversation', async () => {
    await shopper.goto(`${baseUrl}/#/pages/chat/index`)
    const input = shopper.getByLabel('请输入您的问题').locator('textarea')
    await input.fill('付款两天了还没发货，帮我催一下')
    await shopper.locator('.composer__send').click()

    const card = visible(shopper, '.action-card').filter({ hasText: '催发货' }).last()
    await card.waitFor()
    const order = card.locator('.action-card__order--on')
    await order.waitFor()
    const orderNo = ((await order.locator('.action-card__order-no').innerText()).match(/\d{16,20}/) ?? [''])[0]
    expect(orderNo).toMatch(/^\d{18}$/)
    await card.getByRole('button', { name: '确认办理' }).click()
    await card.getByText('已办理').waitFor()
    const result = visible(shopper, '.msg--bot').filter({ hasText: `已为订单 ${orderNo} 催促商家尽快发货` })
    await result.first().waitFor()
    await shopper.screenshot({ path: path.join(SCREENSHOTS, 'chat-action-card-375.png') })

    await input.fill('还是想找人工确认一下发货时间')
    await shopper.locator('.composer__send').click()
    await shopper.getByText('正在为您转接人工客服', { exact: false }).first().waitFor()

    await signInAgentPage(agent, baseUrl, 'alice')
    const claim = agent
      .getByLabel(/^接入 /)
      .filter({ visible: true })
      .first()
    await claim.waitFor({ timeout: 30_000 })
    await claim.click()
    const summary = agent.getByLabel('智能客服摘要')
    await summary.waitFor()
    await summary.getByText('已自助办理：催发货').waitFor()
    await summary.getByText(/摘要：顾客问题/).waitFor()
    const seen = visible(agent, '.msg--bot').filter({ hasText: `已为订单 ${orderNo} 催促商家尽快发货` })
    await seen.first().waitFor()
    await seen.first().getByText('✓ 催发货').waitFor()
    // Agents see what the shopper did, not a card they could confirm on the shopper's behalf.
    expect(await visible(agent, '.action-card').count()).toBe(0)
    await agent.screenshot({ path: path.join(SCREENSHOTS, 'agent-sees-action-1280.png') })
    expect(errors).toEqual([])
  })
})
