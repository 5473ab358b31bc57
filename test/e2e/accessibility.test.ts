import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { AGENT_PASSWORD, createAgent, launchBrowser, phoneContext, SCREENSHOTS, shopperToken, startServer } from '../support/e2e'
import { axeProblems, careModeFontSizes, smallTargets, type AxeProblem } from '../support/axe'
import { pointsBody, submit } from '../support/tickets'

/** The audit outcome of one screen, so a failure names the screen and the broken elements. */
interface ScreenAudit {
  screen: string
  problems: AxeProblem[]
  shopper: boolean
  small: string[]
  care?: { root: number; medianText: number }
}

const visible = (page: Page, selector: string) => page.locator(selector).filter({ visible: true }).first()

const VARIANTS = [
  { name: 'zh-CN', locale: 'zh-CN', care: false, shots: '' },
  { name: 'en-US', locale: 'en-US', care: false, shots: 'english' },
  { name: 'zh-CN care mode', locale: 'zh-CN', care: true, shots: 'care-mode' },
  { name: 'en-US care mode', locale: 'en-US', care: true, shots: '' },
] as const

describe('accessibility audit (axe-core) of every page in H5', () => {
  let app: FastifyInstance
  let baseUrl: string
  let browser: Browser

  beforeAll(async () => {
    ;({ app, baseUrl } = await startServer())
    browser = await launchBrowser()
    await createAgent(app, 'a11y-agent', '小安')
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  describe.each(VARIANTS)('$name', ({ locale, care, shots }) => {
    let context: BrowserContext
    let page: Page
    const audits: ScreenAudit[] = []

    /** Audits what is on screen now under a name (and keeps a picture of the main screens of two variants). */
    const audit = async (screen: string, shopper = true, shot?: string) => {
      if (shots && shot) {
        await page.evaluate(() => document.querySelectorAll('.taro_page').forEach((p) => p.scrollTo(0, 0)))
        await page.screenshot({ path: path.join(SCREENSHOTS, `${shots}-${shot}.png`) })
      }
      const entry: ScreenAudit = { screen, shopper, problems: await axeProblems(page), small: await smallTargets(page) }
      if (care && shopper) entry.care = await careModeFontSizes(page)
      audits.push(entry)
    }

    beforeAll(async () => {
      context = await phoneContext(browser, locale)
      page = await context.newPage()
      await page.goto(`${baseUrl}/#/pages/help/index`)
      await visible(page, '.help__greeting').waitFor()
      if (care) {
        // The shopper's own path: the switch in the help center, then every page follows it.
        await visible(page, '.care-switch').click()
        await visible(page, '.care-switch[aria-checked="true"]').waitFor()
      }
      await audit('help center', true, 'help-center')

      await page.goto(`${baseUrl}/#/pages/chat/index`)
      await visible(page, '.chat__header').waitFor()
      await visible(page, '.bubble').waitFor()
      await audit('chat', true, 'chat')
      await visible(page, '.chat__history').click()
      await visible(page, '.sheet[role="dialog"]').waitFor()
      await audit('chat history')

      await page.goto(`${baseUrl}/#/pages/tickets/index`)
      await visible(page, '.tk-tabs').waitFor()
      await audit('tickets list')

      await page.goto(`${baseUrl}/#/pages/ticket/new/index`)
      await visible(page, '.tf-type').waitFor()
      await audit('ticket form: type')
      await page.locator('.tf-type').filter({ visible: true }).nth(1).click()
      await visible(page, '.tf-sub').waitFor()
      await audit('ticket form: subtype')
      await visible(page, '.tf-sub').click()
      await visible(page, '.tf-textarea').waitFor()
      await audit('ticket form: details', true, 'ticket-form')

      const ticket = await submit(app, { authorization: `Bearer ${await shopperToken(page)}`, userId: '' }, pointsBody())
      await page.goto(`${baseUrl}/#/pages/ticket/detail/index?id=${ticket.id}`)
      await visible(page, '.td-head').waitFor()
      await audit('ticket detail', true, 'ticket-detail')

      await page.goto(`${baseUrl}/#/pages/agent/login/index`)
      await visible(page, '.agent-login__submit').waitFor()
      await audit('agent login', false)
      const inputs = page.locator('.agent-login input').filter({ visible: true })
      await inputs.nth(0).fill('a11y-agent')
      await inputs.nth(1).fill(AGENT_PASSWORD)
      await visible(page, '.agent-login__submit').click()
      await page.waitForURL(/#\/pages\/agent\/workspace\/index/)
      await visible(page, '.ws__tab').waitFor()
      await audit('agent workspace: chats', false)
      await page.locator('.ws__tab').filter({ visible: true }).nth(1).click()
      await page.locator('.ws__tab').nth(1).and(page.locator('.ws__tab--active')).waitFor()
      await audit('agent workspace: tickets', false)
      await page.locator('.ws__tab').filter({ visible: true }).nth(2).click()
      await page.locator('.ws__tab').nth(2).and(page.locator('.ws__tab--active')).waitFor()
      await audit('agent workspace: case search', false)
      await page.locator('.ws__tab').filter({ visible: true }).nth(3).click()
      await visible(page, '.ov__ranges').waitFor()
      await audit('agent workspace: overview', false)
    })
    afterAll(async () => {
      await context?.close()
    })

    it('has no serious or critical axe violations on any page', () => {
      expect(audits.length).toBeGreaterThanOrEqual(13)
      expect(audits.filter((a) => a.problems.length)).toEqual([])
    })

    it('gives every shopper control a target of at least 44×44 px', () => {
      expect(audits.filter((a) => a.shopper && a.small.length).map((a) => [a.screen, a.small])).toEqual([])
    })

    if (care) {
      it('sets the type at 18 px or more on every shopper page', () => {
        const shopperScreens = audits.filter((a) => a.care)
        expect(shopperScreens.length).toBeGreaterThanOrEqual(7)
        const small = shopperScreens.filter((a) => !(a.care!.root >= 18 && a.care!.medianText >= 18))
        expect(small.map((a) => [a.screen, a.care])).toEqual([])
      })
    }
  })
})
