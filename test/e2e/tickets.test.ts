import crypto from 'node:crypto'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { insertUser } from '../../server/features/auth/auth.repository'
import { hashPassword } from '../../server/features/auth/passwords'
import { launchBrowser, phoneContext, SCREENSHOTS, startServer, watchErrors } from '../support/e2e'
import { pngBytes } from '../support/photo-png'

const SHOPPER_STATE = path.join(os.tmpdir(), `sd-e2e-shopper-${process.pid}.json`)
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
/** Screenshots of a whole screen start at its top (Taro's H5 pages scroll inside .taro_page). */
async function shotFromTop(page: Page, name: string) {
  await page.evaluate(() => document.querySelectorAll('.taro_page').forEach((p) => p.scrollTo(0, 0)))
  await shot(page, name)
}
/** The shopper sees the confirmation toast, and it goes away by itself. */
async function toastShownThenGone(page: Page, text: string) {
  const toast = page.getByText(text, { exact: true }).filter({ visible: true })
  await toast.waitFor()
  await toast.waitFor({ state: 'hidden' })
}
const tap = (page: Page, text: string) => page.getByText(text, { exact: true }).filter({ visible: true }).first().click()

const submitButton = (page: Page) => page.locator('taro-button-core', { hasText: '提交工单' }).filter({ visible: true })

/** Picks one image through the H5 file chooser that Taro.chooseMedia opens. */
async function addPhoto(page: Page, name: string, rgb: [number, number, number]) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByLabel('上传商品照片').filter({ visible: true }).click()
  await (await chooser).setFiles({ name, mimeType: 'image/png', buffer: pngBytes(48, 48, rgb) })
}

describe('tickets in H5 against the real server', () => {
  let app: FastifyInstance
  let baseUrl: string
  let browser: Browser
  let agentAuth: string

  beforeAll(async () => {
    ;({ app, baseUrl } = await startServer())
    browser = await launchBrowser()
    const password = 'e2e-agent-password'
    await insertUser(app.db, {
      id: crypto.randomUUID(),
      role: 'agent',
      display_name: '小艾',
      openid: null,
      device_id: null,
      username: 'e2e-agent',
      password_hash: await hashPassword(password),
      created_at: new Date().toISOString(),
    })
    const res = await fetch(`${baseUrl}/api/auth/agent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'e2e-agent', password }),
    })
    agentAuth = `Bearer ${((await res.json()) as { token: string }).token}`
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  const agent = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { authorization: agentAuth, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    if (res.status >= 300) throw new Error(`${method} ${url} → ${res.status} ${await res.text()}`)
    return res.json() as Promise<{ id: string; items?: { id: string }[] }>
  }
  const ticketCount = async () =>
    Number(
      (
        await app.db
          .selectFrom('tickets')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )

  it('submits a damaged-product ticket with two photos, once, after a reload mid-form', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const errors = watchErrors(page)
    const posts: string[] = []
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/tickets') && posts.push(r.url()))
    await page.goto(`${baseUrl}/#/pages/ticket/new/index`)

    await page.getByText('您遇到的是哪类问题？').filter({ visible: true }).waitFor()
    await shot(page, 'ticket-new-1-type')
    await page.getByLabel('商品问题').filter({ visible: true }).click()
    await page.getByText('需准备：商品照片 2 张').filter({ visible: true }).waitFor()
    await shot(page, 'ticket-new-2-subtype')
    await page.getByLabel('损坏', { exact: true }).filter({ visible: true }).click()

    await page.getByText('损坏 · 填写详情').filter({ visible: true }).waitFor()
    await page.locator('.tf-order').filter({ visible: true }).first().click()
    await page.locator('[aria-label="问题描述"] textarea').filter({ visible: true }).fill('收到的马克杯把手断了，外包装也有明显压痕')
    await tap(page, '换货')
    await shotFromTop(page, 'ticket-new-3-details')

    // A reload (or a crash) mid-form brings the shopper back to the same step with what they typed.
    await page.reload()
    await page.getByText('已恢复您上次未提交的内容').filter({ visible: true }).waitFor()
    await expect(page.locator('[aria-label="问题描述"] textarea').filter({ visible: true }).inputValue()).resolves.toBe(
      '收到的马克杯把手断了，外包装也有明显压痕',
    )
    await page.locator('taro-button-core', { hasText: '下一步' }).filter({ visible: true }).click()

    await page.getByText('损坏 · 上传凭证').filter({ visible: true }).waitFor()
    // The notice was read on the step it reopened at; it does not follow the shopper along.
    expect(await page.getByText('已恢复您上次未提交的内容').filter({ visible: true }).count()).toBe(0)
    // A file that is not a photo is refused with a word, and nothing is added.
    const chooser = page.waitForEvent('filechooser')
    await page.getByLabel('上传商品照片').filter({ visible: true }).click()
    await (await chooser).setFiles({ name: 'receipt.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') })
    await page.getByText('只能添加图片（JPG、PNG 等），请重新选择').filter({ visible: true }).waitFor()
    expect(
      await page
        .getByLabel(/^商品照片第 \d+ 张$/)
        .filter({ visible: true })
        .count(),
    ).toBe(0)
    await addPhoto(page, 'front.png', [200, 40, 40])
    await page.getByText('还差：商品照片 1 张').filter({ visible: true }).waitFor()
    await submitButton(page).click()
    await page.getByText('请上传商品照片（至少 2 张，还差 1 张）').filter({ visible: true }).waitFor()
    await shot(page, 'ticket-new-4-evidence-missing')
    expect(posts).toHaveLength(0)
    expect(await ticketCount()).toBe(0)

    await addPhoto(page, 'handle.png', [40, 90, 200])
    await page.getByText('信息已齐全，可以提交').filter({ visible: true }).waitFor()
    await shotFromTop(page, 'ticket-new-4-evidence-ready')
    await submitButton(page).dblclick()
    await page.waitForURL(/#\/pages\/ticket\/detail\/index\?id=/)
    await page.getByText('提交成功', { exact: false }).filter({ visible: true }).waitFor()
    await page.getByText('商品 · 损坏').filter({ visible: true }).waitFor()
    await shotFromTop(page, 'ticket-detail-submitted')
    expect(await ticketCount()).toBe(1)
    expect(posts.length).toBeGreaterThanOrEqual(1)
    const row = await app.db.selectFrom('tickets').selectAll().executeTakeFirstOrThrow()
    expect(JSON.parse((row as unknown as { attachments: string }).attachments)).toHaveLength(2)
    expect(errors).toEqual([])
    await context.storageState({ path: SHOPPER_STATE })
    await context.close()
  })

  it('shows the agent reply, confirms, rates 2 stars and escalates', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
      storageState: SHOPPER_STATE,
    })
    const page = await context.newPage()
    const errors = watchErrors(page)
    const { items } = await agent('GET', '/api/agent/tickets')
    const id = items![0].id
    await page.goto(`${baseUrl}/#/pages/ticket/detail/index?id=${id}`)
    await page.getByText('工单已提交，正在等待客服受理。').filter({ visible: true }).waitFor()

    await agent('POST', `/api/agent/tickets/${id}/transition`, { to: 'in_progress' })
    await agent('POST', `/api/agent/tickets/${id}/replies`, { text: '您好，已收到照片，我们将为您换一只新杯子。' })
    // The page polls while visible: the reply shows up without a reload.
    await page.getByText('您好，已收到照片，我们将为您换一只新杯子。').filter({ visible: true }).waitFor({ timeout: 30_000 })
    await page.getByText('客服有 1 条新回复', { exact: false }).filter({ visible: true }).waitFor()
    await shotFromTop(page, 'ticket-detail-reply')

    await agent('POST', `/api/agent/tickets/${id}/transition`, { to: 'resolved', resolutionSummary: '已安排换货，新杯子明天发出' })
    await page.reload()
    await page.locator('.td-info__val', { hasText: '已安排换货，新杯子明天发出' }).filter({ visible: true }).waitFor()
    await page.locator('taro-button-core', { hasText: '已解决' }).filter({ visible: true }).click()
    await page.locator('.taro-model__confirm').filter({ visible: true }).click()
    await page.getByText('已确认解决', { exact: true }).filter({ visible: true }).waitFor()
    await page.getByText('评价本次服务', { exact: true }).filter({ visible: true }).waitFor()
    // A real tap: Playwright waits until the sliding sheet holds still and the star is not covered.
    await page.getByRole('radio', { name: '2 星' }).filter({ visible: true }).click()
    await page.getByText('不满意', { exact: true }).filter({ visible: true }).waitFor()
    await tap(page, '解释不清楚')
    await page.getByText('已确认解决', { exact: true }).filter({ visible: true }).waitFor({ state: 'hidden' })
    await shot(page, 'ticket-detail-rating')
    await tap(page, '提交评价')
    await toastShownThenGone(page, '感谢您的评价')

    await page.getByText('您对处理结果不满意，可以投诉，主管将优先跟进。').filter({ visible: true }).waitFor()
    await page.locator('.td-escalate__go').filter({ visible: true }).click()
    const reason = page.locator('[aria-label="投诉原因"] textarea').filter({ visible: true })
    await reason.fill('换货要等太久，希望尽快处理')
    await reason.blur()
    await shot(page, 'ticket-detail-escalate-sheet')
    await tap(page, '提交投诉')
    await toastShownThenGone(page, '投诉已提交')
    await page.locator('.td-flag--esc').filter({ visible: true }).waitFor()
    await page.getByText('我发起了投诉').filter({ visible: true }).waitFor()
    await shotFromTop(page, 'ticket-detail-escalated')

    const detail = await agent('GET', `/api/agent/tickets/${id}`)
    expect(detail).toMatchObject({ status: 'closed', escalated: true, rating: { score: 2, tags: ['unclear'] } })

    await page.goto(`${baseUrl}/#/pages/tickets/index`)
    await page.reload()
    await page.getByText('没有处理中的工单').filter({ visible: true }).waitFor()
    await shot(page, 'tickets-list-empty')
    await page.getByRole('tab', { name: '已完成' }).filter({ visible: true }).click()
    const row = page.locator('.tk-row', { hasText: '商品 · 损坏' }).filter({ visible: true })
    await row.waitFor()
    await expect(row.locator('.tk-flag--esc').textContent()).resolves.toBe('已投诉')
    await expect(row.locator('.tk-chip').textContent()).resolves.toBe('已关闭')
    await shot(page, 'tickets-list-done')
    expect(errors).toEqual([])
    await context.close()
  })
})
