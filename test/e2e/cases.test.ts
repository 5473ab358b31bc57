/**
 * One case number across channels, in Chromium: the shopper reads it beside the hotline, an
 * agent types it into the workspace and finds the chat and the ticket that followed it.
 */
import crypto from 'node:crypto'
import type { Browser } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { Conversation } from '../../types/chat'
import { createAgent, launchBrowser, phoneContext, signInAgentPage, startServer, watchErrors } from '../support/e2e'

describe('case numbers in Chromium (H5 build, real server)', () => {
  let app: FastifyInstance
  let baseUrl: string
  let browser: Browser
  beforeAll(async () => {
    ;({ app, baseUrl } = await startServer())
    await createAgent(app, 'casey', '小艾')
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('the shopper tells the hotline a case number, and the agent finds the chat and its ticket by it', async () => {
    const shopperCtx = await phoneContext(browser)
    const shopper = await shopperCtx.newPage()
    const errors = watchErrors(shopper)
    await shopper.goto(`${baseUrl}/#/pages/chat/index`)
    await shopper.locator('.bubble--bot').filter({ visible: true }).first().waitFor()
    await shopper.locator('.composer__input textarea').fill('上个月的积分一直没有到账')
    await shopper.locator('.composer__send').click()
    await shopper.locator('.msg--mine').filter({ hasText: '积分一直没有到账' }).first().waitFor()

    // Beside the hotline in the help center: "请告诉客服：KF-…".
    await shopper.getByText('帮助中心', { exact: true }).filter({ visible: true }).click()
    const hint = shopper.getByText(/请告诉客服：KF-[2-9A-Z]{4}-[2-9A-Z]{2}/).filter({ visible: true })
    await hint.waitFor()
    const caseNo = /KF-[2-9A-Z]{4}-[2-9A-Z]{2}/.exec((await hint.textContent()) ?? '')![0]

    // A ticket filed from the chat joins the same case.
    const raw = await shopper.evaluate(() => localStorage.getItem('sd.session'))
    const token = (JSON.parse(raw ?? '{}') as { data?: { token: string } }).data?.token
    const auth = { authorization: `Bearer ${token}` }
    const conv = (await (await fetch(`${baseUrl}/api/chat`, { headers: auth })).json()) as Conversation
    expect(conv.caseNo).toBe(caseNo)
    const created = await fetch(`${baseUrl}/api/tickets`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ serviceType: 'member', subtype: 'points', description: '上个月的积分一直没有到账', attachments: [], caseNo }),
    })
    expect(created.status).toBe(201)
    const ticket = (await created.json()) as { ticketNo: string; caseNo: string }
    expect(ticket.caseNo).toBe(caseNo)

    // The agent types it as heard on the phone: lower case, no dashes.
    const agentCtx = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const agent = await agentCtx.newPage()
    errors.push(...watchErrors(agent))
    await signInAgentPage(agent, baseUrl, 'casey')
    await agent.getByRole('tab', { name: '查找' }).click()
    await agent.getByLabel('查找案件').locator('input').fill(caseNo.toLowerCase().replace(/-/g, ''))
    await agent.getByRole('button', { name: '查找', exact: true }).click()
    const found = agent.getByLabel(`案件 ${caseNo}`)
    await found.waitFor()
    await found.getByText(ticket.ticketNo, { exact: false }).waitFor()
    await found.getByText('智能客服接待', { exact: false }).click()
    await agent.locator('.msg').filter({ hasText: '积分一直没有到账' }).filter({ visible: true }).first().waitFor()

    expect(errors).toEqual([])
    await shopperCtx.close()
    await agentCtx.close()
  })
})
