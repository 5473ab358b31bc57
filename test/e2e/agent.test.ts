import crypto from 'node:crypto'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { listOutbox } from '../../server/features/notifications/notifications.repository'
import {
  createAgent,
  inViewport,
  launchBrowser,
  phoneContext,
  SCREENSHOTS,
  shopperToken,
  signInAgentPage as signInAgent,
  startServer,
  watchErrors,
} from '../support/e2e'

describe('agent workspace with a live shopper (two browsers at once)', () => {
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

  it('sends a shopper who opens an agent page to the agent login', async () => {
    await shopper.goto(`${baseUrl}/#/pages/agent/workspace/index`)
    await shopper.waitForURL(/#\/pages\/agent\/login\/index/)
    await shopper.getByText('npm run agent:create', { exact: false }).filter({ visible: true }).waitFor()
    await shopper.screenshot({ path: path.join(SCREENSHOTS, 'agent-login-375.png') })
  })

  it('shopper asks, the bot hands over, the agent claims and answers, the shopper sees it live', async () => {
    await shopper.goto(`${baseUrl}/#/pages/chat/index`)
    const input = shopper.getByLabel('请输入您的问题').filter({ visible: true }).locator('textarea')
    await input.fill('付款失败了但是钱被扣了，我要转人工')
    await shopper.locator('.composer__send').filter({ visible: true }).click()
    await shopper.locator('.msg--mine').filter({ visible: true }).filter({ hasText: '我要转人工' }).first().waitFor()
    expect(await input.inputValue()).toBe('')
    await shopper.getByText('正在为您转接人工客服', { exact: false }).filter({ visible: true }).first().waitFor()

    await signInAgent(agent, baseUrl, 'alice')
    const waiting = agent.getByLabel(/^排队顾客 /).filter({ visible: true })
    await waiting.first().waitFor({ timeout: 30_000 })
    await agent
      .getByLabel(/^接入 /)
      .filter({ visible: true })
      .first()
      .click()
    await agent.getByLabel('智能客服摘要').filter({ visible: true }).waitFor()
    await agent.getByText('付款失败了但是钱被扣了，我要转人工').filter({ visible: true }).first().waitFor()
    await agent.getByLabel('顾客信息').filter({ visible: true }).getByText('最近订单').waitFor()

    await agent.getByLabel('快捷短语 问候').filter({ visible: true }).click()
    await agent.getByLabel('发送', { exact: true }).filter({ visible: true }).click()
    const answer = '您好，请发一下支付记录截图，我马上为您核实扣款。'
    await agent.getByLabel('回复内容').filter({ visible: true }).locator('textarea').fill(answer)
    await agent.getByLabel('发送', { exact: true }).filter({ visible: true }).click()
    await agent.locator('.msg--mine .bubble__text', { hasText: answer }).filter({ visible: true }).waitFor()

    await shopper.getByText(answer).filter({ visible: true }).waitFor({ timeout: 30_000 })
    await shopper.getByText('我已看过您和智能客服的对话', { exact: false }).filter({ visible: true }).waitFor()
    await shopper.screenshot({ path: path.join(SCREENSHOTS, 'agent-loop-shopper-375.png') })
    await inViewport(agent.locator('.msg--mine .bubble__text', { hasText: answer }).filter({ visible: true }))
    await agent.screenshot({ path: path.join(SCREENSHOTS, 'agent-workspace-1280.png') })
  })

  it('agent resolves a ticket: the shopper’s page shows resolved and the outbox holds the notification', async () => {
    const token = await shopperToken(shopper)
    const auth = { authorization: `Bearer ${token}` }
    const orders = await (await fetch(`${baseUrl}/api/orders`, { headers: auth })).json()
    const orderNo = (orders as { items: { orderNo: string }[] }).items[0].orderNo
    const created = await fetch(`${baseUrl}/api/tickets`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `e2e-${crypto.randomUUID()}` },
      body: JSON.stringify({ serviceType: 'order', subtype: 'not_shipped', orderNo, description: '付款三天了还没有发货', attachments: [] }),
    })
    expect(created.status).toBe(201)
    const ticket = (await created.json()) as { id: string; ticketNo: string }

    await agent.locator('.ws__tab').filter({ visible: true }).getByText('工单').click()
    await agent.locator('.tk-item', { hasText: ticket.ticketNo }).filter({ visible: true }).click()
    await agent.getByLabel('受理').filter({ visible: true }).click()
    await agent.getByLabel('解决并结单').filter({ visible: true }).click()
    const summary = '已催促仓库当天发出，物流单号已同步到订单。'
    await agent.getByLabel('解决方案摘要（会通知顾客）').filter({ visible: true }).locator('textarea').fill(summary)
    await agent.getByLabel('确认').filter({ visible: true }).click()
    await agent.locator('.tk-detail .tk-status').filter({ visible: true }).getByText('已解决').waitFor()
    await agent.screenshot({ path: path.join(SCREENSHOTS, 'agent-tickets-1280.png') })

    await shopper.goto(`${baseUrl}/#/pages/ticket/detail/index?id=${ticket.id}`)
    await shopper.getByText('已解决').filter({ visible: true }).first().waitFor()
    await shopper.getByText(summary, { exact: false }).filter({ visible: true }).first().waitFor()
    await shopper.screenshot({ path: path.join(SCREENSHOTS, 'ticket-resolved-shopper-375.png') })

    const outbox = await listOutbox(app.db, { ticketId: ticket.id })
    expect(outbox.items.filter((n) => n.event === 'resolved').length).toBeGreaterThan(0)
  })

  it('shows the overview, and the workspace on a phone in one column', async () => {
    await agent.locator('.ws__tab').filter({ visible: true }).getByText('概览').click()
    await agent.getByLabel('平均首次响应').filter({ visible: true }).waitFor()
    await agent.getByLabel('客服首次回复').filter({ visible: true }).waitFor()
    await agent.screenshot({ path: path.join(SCREENSHOTS, 'agent-overview-1280.png') })

    const phone = await phoneContext(browser)
    const page = await phone.newPage()
    await signInAgent(page, baseUrl, 'alice')
    await page
      .getByText(/^我的会话/)
      .filter({ visible: true })
      .waitFor()
    await page.screenshot({ path: path.join(SCREENSHOTS, 'agent-workspace-375.png') })
    await page
      .getByLabel(/^会话 /)
      .filter({ visible: true })
      .first()
      .click()
    await page.getByLabel('回复内容').filter({ visible: true }).waitFor()
    await page.screenshot({ path: path.join(SCREENSHOTS, 'agent-conversation-375.png') })
    await page.locator('.ws__tab').filter({ visible: true }).getByText('概览').click()
    await page.getByLabel('客服首次回复').filter({ visible: true }).waitFor()
    await page.screenshot({ path: path.join(SCREENSHOTS, 'agent-overview-375.png'), fullPage: true })
    await phone.close()
    expect(errors).toEqual([])
  })
})
