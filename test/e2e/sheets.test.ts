import path from 'node:path'
import type { Browser } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { animationsDone, launchBrowser, SCREENSHOTS, shopperToken, startServer, watchErrors } from '../support/e2e'
import { agent as signInAgent, move, pointsBody, submit, type Who } from '../support/tickets'

/** Phones a shopper really holds: small, notched and large. */
const PHONES = [
  { width: 375, height: 667 },
  { width: 375, height: 812 },
  { width: 414, height: 896 },
]

describe('bottom sheets on the ticket page can be reached by a thumb', () => {
  let app: FastifyInstance
  let baseUrl: string
  let browser: Browser
  let staff: Who
  beforeAll(async () => {
    ;({ app, baseUrl } = await startServer())
    browser = await launchBrowser()
    staff = await signInAgent(app)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it.each(PHONES)('opens the 未解决 sheet wholly inside a $width×$height screen and submits it with a real tap', async (viewport) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 2, locale: 'zh-CN', isMobile: true, hasTouch: true })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${baseUrl}/#/pages/tickets/index`)
    const shopper = { authorization: `Bearer ${await shopperToken(page)}`, userId: '' }
    const ticket = await submit(app, shopper, pointsBody())
    expect((await move(app, staff, ticket.id, { to: 'in_progress' })).statusCode).toBe(200)
    expect((await move(app, staff, ticket.id, { to: 'resolved', resolutionSummary: '积分已补发到账户' })).statusCode).toBe(200)

    await page.goto(`${baseUrl}/#/pages/ticket/detail/index?id=${ticket.id}`)
    await page.locator('taro-button-core', { hasText: '未解决' }).filter({ visible: true }).click()
    const submitButton = page.locator('.td-sheet__submit').filter({ visible: true })
    await submitButton.waitFor()
    const reason = page.locator('[aria-label="未解决原因"] textarea').filter({ visible: true })
    await reason.fill('积分还是没有到账')
    await reason.blur()
    await animationsDone(page)

    // The whole sheet, its title and its button sit inside the screen and above any tab bar.
    const sheet = await page.locator('.nut-popup-bottom').filter({ visible: true }).boundingBox()
    const button = await submitButton.boundingBox()
    expect(sheet!.y).toBeGreaterThanOrEqual(0)
    expect(button!.y + button!.height).toBeLessThanOrEqual(viewport.height)
    const tabBars = page.locator('.taro-tabbar__tabbar').filter({ visible: true })
    if ((await tabBars.count()) > 0) expect(button!.y + button!.height).toBeLessThanOrEqual((await tabBars.first().boundingBox())!.y)
    await page.screenshot({ path: path.join(SCREENSHOTS, `ticket-reopen-sheet-${viewport.width}x${viewport.height}.png`) })

    await submitButton.click()
    await page.getByText('已重新打开', { exact: true }).filter({ visible: true }).waitFor()
    await page.getByText('我反馈未解决').filter({ visible: true }).waitFor()
    expect(errors).toEqual([])
    await context.close()
  })
})
