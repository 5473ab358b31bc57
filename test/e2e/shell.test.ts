import path from 'node:path'
import type { Browser } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { launchBrowser, phoneContext, SCREENSHOTS, startServer, watchErrors } from '../support/e2e'

describe('H5 app shell in Chromium', () => {
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

  it('opens the help center and reaches each tab', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${baseUrl}/`)
    await page.getByText('有什么可以帮您').waitFor()
    await page.screenshot({ path: path.join(SCREENSHOTS, 'help-center.png') })

    await page.locator('.taro-tabbar__tabbar').getByText('在线客服').click()
    await page.waitForURL(/#\/pages\/chat\/index/)
    await page.getByText('智能客服', { exact: false }).filter({ visible: true }).first().waitFor()

    await page.locator('.taro-tabbar__tabbar').getByText('我的工单').click()
    await page.waitForURL(/#\/pages\/tickets\/index/)

    await page.locator('.taro-tabbar__tabbar').getByText('帮助中心').click()
    await page.getByText('有什么可以帮您').waitFor()
    expect(errors).toEqual([])
    await context.close()
  })

  it('serves the API beside the app on the same port', async () => {
    const res = await fetch(`${baseUrl}/healthz`)
    expect(res.status).toBe(200)
    const html = await (await fetch(`${baseUrl}/`)).text()
    expect(html).toContain('<div id="app">')
  })
})
