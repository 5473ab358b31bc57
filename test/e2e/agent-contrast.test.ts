/**
 * Enabled agent buttons look enabled: their text keeps a 4.5:1 contrast with what is painted
 * behind it (Taro once wrote disabled="false", which its own [disabled] style still greyed out).
 */
import type { Browser, Locator } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { createAgent, launchBrowser, signInAgentPage, startServer, watchErrors } from '../support/e2e'
import { pointsBody, submit, type Who } from '../support/tickets'

/** Contrast of an element's text against its painted background, opacity included. */
async function contrast(target: Locator): Promise<number> {
  return target.evaluate((el) => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number)
    const over = (top: number[], bottom: number[], alpha: number) => top.slice(0, 3).map((v, i) => v * alpha + bottom[i] * (1 - alpha))
    // The painted background: the nearest non-transparent one, laid over white.
    let bg = [255, 255, 255]
    const layers: number[][] = []
    for (let n: Element | null = el; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor)
      if ((c[3] ?? 1) > 0) layers.push(c)
    }
    for (const c of layers.reverse()) bg = over(c, bg, c[3] ?? 1)
    let opacity = 1
    for (let n: Element | null = el; n; n = n.parentElement) opacity *= Number(getComputedStyle(n).opacity)
    const fgRaw = parse(getComputedStyle(el).color)
    const fg = over(over(fgRaw, bg, fgRaw[3] ?? 1), [255, 255, 255], opacity)
    const shown = over(bg, [255, 255, 255], opacity)
    const lum = (rgb: number[]) =>
      rgb
        .map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0)
    const [a, b] = [lum(fg), lum(shown)].sort((x, y) => y - x)
    return (a + 0.05) / (b + 0.05)
  })
}

describe('agent workspace buttons', () => {
  let app: FastifyInstance
  let baseUrl: string
  let browser: Browser
  beforeAll(async () => {
    ;({ app, baseUrl } = await startServer())
    await createAgent(app, 'carol', '小卡')
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  it('draws 接入 and the ticket moves as enabled buttons with readable text', async () => {
    const guest = await app.inject({ method: 'POST', url: '/api/auth/guest', payload: {} })
    const shopper: Who = { authorization: `Bearer ${guest.json().token}`, userId: '' }
    const asked = await app.inject({
      method: 'POST',
      url: '/api/chat/messages',
      headers: { authorization: shopper.authorization },
      payload: { clientMsgId: 'contrast-1', kind: 'text', text: '付款失败了但是钱被扣了' },
    })
    expect(asked.statusCode).toBe(200)
    const queued = await app.inject({
      method: 'POST',
      url: '/api/chat/handoff',
      headers: { authorization: shopper.authorization },
      payload: {},
    })
    expect(queued.statusCode).toBe(200)
    const ticket = await submit(app, shopper, pointsBody())

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
    const page = await context.newPage()
    const errors = watchErrors(page)
    await signInAgentPage(page, baseUrl, 'carol')

    const claim = page
      .getByLabel(/^接入 /)
      .filter({ visible: true })
      .first()
    await claim.waitFor()
    expect(await claim.getAttribute('disabled')).toBeNull()
    expect(await contrast(claim)).toBeGreaterThanOrEqual(4.5)

    await page.locator('.ws__tab').filter({ visible: true }).getByText('工单').click()
    await page.locator('.tk-item', { hasText: ticket.ticketNo }).filter({ visible: true }).click()
    const accept = page.getByLabel('受理', { exact: true }).filter({ visible: true })
    expect(await contrast(accept)).toBeGreaterThanOrEqual(4.5)
    await accept.click()
    for (const name of ['请顾客补充', '解决并结单']) {
      const move = page.getByLabel(name, { exact: true }).filter({ visible: true })
      await move.waitFor()
      expect(await move.getAttribute('disabled')).toBeNull()
      expect(await contrast(move)).toBeGreaterThanOrEqual(4.5)
    }
    expect(errors).toEqual([])
    await context.close()
  })
})
