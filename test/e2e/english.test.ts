import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { AGENT_PASSWORD, createAgent, launchBrowser, phoneContext, SCREENSHOTS, startServer, watchErrors } from '../support/e2e'

/**
 * Visible text with Chinese characters in it, except what people typed and order data (nodes
 * marked `data-i18n-allow`): in en-US nothing else may stay untranslated.
 */
function untranslated(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? ''
      const el = node.parentElement
      if (!el || !/\p{Script=Han}/u.test(text) || el.closest('[data-i18n-allow]')) continue
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0 || getComputedStyle(el).visibility === 'hidden') continue
      found.push(text.trim())
    }
    return found
  })
}

const tabBar = (page: Page) => page.locator('.taro-tabbar__tabbar').filter({ visible: true })

describe('the app in English (Chromium, en-US)', () => {
  let app: FastifyInstance
  let baseUrl: string
  let browser: Browser
  beforeAll(async () => {
    ;({ app, baseUrl } = await startServer())
    await createAgent(app, 'erin', 'Erin')
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('shows the shopper’s help center, chat and tickets with no Chinese left', async () => {
    const context = await phoneContext(browser, 'en-US')
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${baseUrl}/`)
    await page.getByText('Hi, how can we help?').filter({ visible: true }).waitFor()
    await tabBar(page).getByText('Help').waitFor()
    await page.getByText('Check progress', { exact: false }).filter({ visible: true }).first().waitFor()
    expect(await untranslated(page)).toEqual([])
    await page.screenshot({ path: path.join(SCREENSHOTS, 'en-help-center.png'), fullPage: true })

    await tabBar(page).getByText('Chat').click()
    await page.waitForURL(/#\/pages\/chat\/index/)
    const input = page.getByLabel('Type your question').filter({ visible: true }).locator('textarea')
    await input.fill('My parcel has not moved for a week')
    await page.locator('.composer__send').filter({ visible: true }).click()
    await page.locator('.msg--bot').filter({ visible: true }).last().waitFor()
    await page.locator('.msg--mine').filter({ visible: true }).filter({ hasText: 'not moved' }).first().waitFor()
    expect(await untranslated(page)).toEqual([])
    await page.screenshot({ path: path.join(SCREENSHOTS, 'en-chat.png') })

    await tabBar(page).getByText('Tickets').click()
    await page.waitForURL(/#\/pages\/tickets\/index/)
    await page.getByRole('tab', { name: 'In progress' }).filter({ visible: true }).waitFor()
    expect(await untranslated(page)).toEqual([])
    await page.screenshot({ path: path.join(SCREENSHOTS, 'en-tickets.png') })
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows the agent login and workspace in English', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${baseUrl}/#/pages/agent/login/index`)
    await page.getByLabel('Username').filter({ visible: true }).locator('input').fill('erin')
    await page.getByLabel('Password').filter({ visible: true }).locator('input').fill(AGENT_PASSWORD)
    expect(await untranslated(page)).toEqual([])
    await page.getByLabel('Sign in').filter({ visible: true }).click()
    await page.waitForURL(/#\/pages\/agent\/workspace\/index/)
    await page.getByText('Pick a chat on the left', { exact: false }).filter({ visible: true }).waitFor()
    expect(await untranslated(page)).toEqual([])
    await page.screenshot({ path: path.join(SCREENSHOTS, 'en-agent-workspace.png') })

    await page.getByText('Overview', { exact: true }).filter({ visible: true }).first().click()
    await page.getByText('New chats').filter({ visible: true }).first().waitFor()
    expect(await untranslated(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  })

  it('switches a Chinese phone to English from the help center, tab bar included, and keeps it after a reload', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    await page.goto(`${baseUrl}/`)
    await tabBar(page).getByText('帮助中心').waitFor()
    await page.getByRole('radio', { name: 'English' }).filter({ visible: true }).click()
    await page.getByText('Hi, how can we help?').filter({ visible: true }).waitFor()
    await tabBar(page).getByText('Tickets').waitFor()
    await page.reload()
    await page.getByText('Hi, how can we help?').filter({ visible: true }).waitFor()
    // The tab bar is drawn from the app config first and relabelled once the page shows.
    await tabBar(page).getByText('Tickets').waitFor()
    expect(await untranslated(page)).toEqual([])
    await context.close()
  })
})
