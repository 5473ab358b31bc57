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
/** Screenshots of a whole screen start at its top (Taro's H5 pages scroll inside .taro_page), after a toast has gone. */
async function shotFromTop(page: Page, name: string, toast?: string) {
  if (toast) await waitToastGone(page, toast)
  await page.evaluate(() => document.querySelectorAll('.taro_page').forEach((p) => p.scrollTo(0, 0)))
  await shot(page, name)
}
/** Taro's H5 toast stays 1.5 s; screenshots should show the screen, not the toast. */
async function waitToastGone(page: Page, text: string) {
  await page.waitForTimeout(1600)
  await page.getByText(text, { exact: true }).waitFor({ state: 'hidden' })
}
/** Runs a UI step again (up to 5 times) when its check fails. */
async function retry(step: () => Promise<void>) {
  for (let i = 0; ; i++) {
    try {
      return await step()
    } catch (e) {
      if (i >= 4) throw e
    }
  }
}
/** Waits until a NutUI bottom sheet has finished sliding in. */
const sheetOpen = (page: Page) => page.locator('.nut-popup-slide-bottom-enter-active').waitFor({ state: 'detached' })
const tap = (page: Page, text: string) => page.getByText(text, { exact: true }).first().click({ force: true })

const submitButton = (page: Page) => page.locator('taro-button-core', { hasText: '提交工单' })

/** Picks one image through the H5 file chooser that Taro.chooseImage opens. */
async function addPhoto(page: Page, name: string, rgb: [number, number, number]) {
  const chooser = page.waitForEvent('filechooser')
  await page.getByLabel('上传商品照片').click({ force: true })
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

    await page.getByText('您遇到的是哪类问题？').waitFor()
    await shot(page, 'ticket-new-1-type')
    await page.getByLabel('商品问题').click({ force: true })
    await page.getByText('需准备：商品照片 2 张').waitFor()
    await shot(page, 'ticket-new-2-subtype')
    await page.getByLabel('损坏', { exact: true }).click({ force: true })

    await page.getByText('损坏 · 填写详情').waitFor()
    await page.locator('[aria-label^="选择订单"]').first().click({ force: true })
    await page.locator('[aria-label="问题描述"] textarea').fill('收到的马克杯把手断了，外包装也有明显压痕')
    await tap(page, '换货')
    await shotFromTop(page, 'ticket-new-3-details')

    // A reload (or a crash) mid-form brings the shopper back to the same step with what they typed.
    await page.reload()
    await page.getByText('已恢复您上次未提交的内容').waitFor()
    await expect(page.locator('[aria-label="问题描述"] textarea').inputValue()).resolves.toBe('收到的马克杯把手断了，外包装也有明显压痕')
    await page.locator('taro-button-core', { hasText: '下一步' }).click({ force: true })

    await page.getByText('损坏 · 上传凭证').waitFor()
    await addPhoto(page, 'front.png', [200, 40, 40])
    await page.getByText('还差：商品照片 1 张').waitFor()
    await submitButton(page).click({ force: true })
    await page.getByText('请上传商品照片（至少 2 张，还差 1 张）').waitFor()
    await shot(page, 'ticket-new-4-evidence-missing')
    expect(posts).toHaveLength(0)
    expect(await ticketCount()).toBe(0)

    await addPhoto(page, 'handle.png', [40, 90, 200])
    await page.getByText('信息已齐全，可以提交').waitFor()
    await shotFromTop(page, 'ticket-new-4-evidence-ready')
    await submitButton(page).dblclick({ force: true })
    await page.waitForURL(/#\/pages\/ticket\/detail\/index\?id=/)
    await page.getByText('提交成功', { exact: false }).waitFor()
    await page.getByText('商品 · 损坏').waitFor()
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
    await page.getByText('工单已提交，正在等待客服受理。').waitFor()

    await agent('POST', `/api/agent/tickets/${id}/transition`, { to: 'in_progress' })
    await agent('POST', `/api/agent/tickets/${id}/replies`, { text: '您好，已收到照片，我们将为您换一只新杯子。' })
    // The page polls while visible: the reply shows up without a reload.
    await page.getByText('您好，已收到照片，我们将为您换一只新杯子。').waitFor({ timeout: 30_000 })
    await page.getByText('客服有 1 条新回复', { exact: false }).waitFor()
    await shotFromTop(page, 'ticket-detail-reply')

    await agent('POST', `/api/agent/tickets/${id}/transition`, { to: 'resolved', resolutionSummary: '已安排换货，新杯子明天发出' })
    await page.reload()
    await page.locator('.td-info__val', { hasText: '已安排换货，新杯子明天发出' }).waitFor()
    await page.locator('taro-button-core', { hasText: '已解决' }).click({ force: true })
    await page.locator('.taro-model__confirm').click({ force: true })
    await page.getByText('评价本次服务', { exact: true }).waitFor()
    await sheetOpen(page)
    await retry(async () => {
      // The sheet may still be sliding in; a tap during the animation can miss the star.
      await page.locator('.nut-rate-item').nth(1).click({ force: true })
      await page.getByText('不满意', { exact: true }).waitFor({ timeout: 2000 })
    })
    await tap(page, '解释不清楚')
    await waitToastGone(page, '已确认解决')
    await shot(page, 'ticket-detail-rating')
    await tap(page, '提交评价')

    await page.getByText('您对处理结果不满意，可以投诉，主管将优先跟进。').waitFor()
    await page.locator('.td-escalate__go').click({ force: true })
    await sheetOpen(page)
    const reason = page.locator('[aria-label="投诉原因"] textarea')
    await reason.fill('换货要等太久，希望尽快处理')
    await reason.blur()
    await page
      .locator('.taro__toast')
      .waitFor({ state: 'hidden' })
      .catch(() => undefined)
    await shot(page, 'ticket-detail-escalate-sheet')
    await tap(page, '提交投诉')
    await page.locator('.td-flag--esc').waitFor()
    await page.getByText('我发起了投诉').waitFor()
    await shotFromTop(page, 'ticket-detail-escalated', '投诉已提交')

    const detail = await agent('GET', `/api/agent/tickets/${id}`)
    expect(detail).toMatchObject({ status: 'closed', escalated: true, rating: { score: 2, tags: ['unclear'] } })

    await page.goto(`${baseUrl}/#/pages/tickets/index`)
    await page.reload()
    await page.getByText('没有处理中的工单').waitFor()
    await shot(page, 'tickets-list-empty')
    await page.getByRole('tab', { name: '已完成' }).click({ force: true })
    const row = page.locator('.tk-row', { hasText: '商品 · 损坏' })
    await row.waitFor()
    await expect(row.locator('.tk-flag--esc').textContent()).resolves.toBe('已投诉')
    await expect(row.locator('.tk-chip').textContent()).resolves.toBe('已关闭')
    await shot(page, 'tickets-list-done')
    expect(errors).toEqual([])
    await context.close()
  })
})
