/**
 * Bottom sheets opened on a tab page (help center, chat) sit above the H5 tab bar: every button
 * in them is tapped for real, without forcing, on a small, a notched and a large phone.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { animationsDone, launchBrowser, startServer, watchErrors } from '../support/e2e'

const PHONES = [
  { width: 375, height: 667 },
  { width: 375, height: 812 },
  { width: 414, height: 896 },
]

/** The element is wholly on screen and not under the tab bar. */
async function aboveTabBar(page: Page, target: Locator, viewport: { height: number }): Promise<void> {
  await target.scrollIntoViewIfNeeded()
  const box = (await target.boundingBox())!
  expect(box.y).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height)
  const bar = await page.locator('.taro-tabbar__tabbar').filter({ visible: true }).boundingBox()
  expect(bar).not.toBeNull()
  expect(box.y + box.height).toBeLessThanOrEqual(bar!.y)
}

describe('bottom sheets on tab pages stay above the tab bar', () => {
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

  const open = async (viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 2, locale: 'zh-CN', isMobile: true, hasTouch: true })
    const page = await context.newPage()
    return { context, page, errors: watchErrors(page) }
  }

  it.each(PHONES)('sends the email consultation with a real tap on 发送 at $width×$height', async (viewport) => {
    const { context, page, errors } = await open(viewport)
    await page.goto(`${baseUrl}/#/pages/help/index`)
    await page
      .getByRole('button', { name: /邮件咨询/ })
      .filter({ visible: true })
      .click()
    const sheet = page.getByRole('dialog', { name: '邮件咨询' })
    await sheet.waitFor()
    await sheet.getByLabel('您的邮箱').locator('input').fill('shopper@example.com')
    await sheet.getByRole('radio', { name: '账号', exact: true }).click()
    const body = sheet.getByLabel('问题描述')
    // Pasting far too much is cut at the limit, and the sheet says so.
    await body.locator('textarea').fill('票'.repeat(5000))
    await sheet.getByText('最多 1000 字，超出的部分未保留').waitFor()
    expect((await body.locator('textarea').inputValue()).length).toBe(1000)
    await body.locator('textarea').fill('手机号换了，想把账号绑定的手机号改成新的号码')
    await animationsDone(page)
    // The native box stays inside its field and leaves the counter below it uncovered.
    const field = (await body.boundingBox())!
    const box = (await body.locator('textarea').boundingBox())!
    expect(box.y + box.height).toBeLessThanOrEqual(field.y + field.height + 0.5)
    const count = (await sheet.getByText('22/1000').boundingBox())!
    expect(count.y).toBeGreaterThanOrEqual(box.y + box.height)
    const send = sheet.getByRole('button', { name: '发送', exact: true })
    await aboveTabBar(page, send, viewport)
    await send.click()
    await page.getByText('已提交，请留意邮箱回复').waitFor()
    await sheet.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
    await context.close()
  })

  it.each(PHONES)('puts the chat rating off with a real tap on 以后再说 at $width×$height', async (viewport) => {
    const { context, page, errors } = await open(viewport)
    await page.goto(`${baseUrl}/#/pages/chat/index`)
    await page.locator('.bubble--bot').filter({ visible: true }).first().waitFor()
    await page.locator('.composer__input textarea').filter({ visible: true }).fill('怎么开发票')
    await page.locator('.composer__send').filter({ visible: true }).click()
    await page.locator('.msg').filter({ visible: true }).last().locator('.bubble--bot').waitFor()
    await page.getByRole('button', { name: '结束', exact: true }).filter({ visible: true }).click()
    await page.locator('.taro-model__confirm').filter({ visible: true }).click()
    const sheet = page.getByRole('dialog', { name: '评价本次服务' })
    await sheet.waitFor()
    await animationsDone(page)
    const later = sheet.getByRole('button', { name: '以后再说', exact: true })
    await aboveTabBar(page, later, viewport)
    await later.click()
    await sheet.waitFor({ state: 'detached' })
    expect(errors).toEqual([])
    await context.close()
  })
})
