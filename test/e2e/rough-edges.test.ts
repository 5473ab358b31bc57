/**
 * The rough edges a new shopper met in the browser, each tried the way they met it: the WeChat
 * card, the unread badge for the greeting, search results below the fold, texts cut at the
 * limit without a word, a file that is not a photo, an incoming image half under the composer,
 * ticket pages with no way back, and the missing favicon.
 */
import type { Browser, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { Conversation } from '../../types/chat'
import { launchBrowser, phoneContext, shopperToken, startServer, watchErrors } from '../support/e2e'
import { agent as signInAgent } from '../support/chat'
import { multipart, png } from '../support/images'

describe('rough edges a shopper met in the browser', () => {
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

  const open = async (hash: string) => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${baseUrl}/#${hash}`)
    return { context, page, errors }
  }
  const toast = (page: Page, text: string) => page.getByText(text, { exact: true }).filter({ visible: true })
  const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))

  it('explains the WeChat card in a browser, and both of its buttons work', async () => {
    const { context, page, errors } = await open('/pages/help/index')
    const card = page.getByRole('button', { name: /^微信客服/ }).filter({ visible: true })
    await card.click()
    const dialog = page.locator('.taro-modal__content').filter({ visible: true })
    await dialog.getByText('微信客服', { exact: true }).waitFor()
    await dialog.locator('.taro-model__cancel', { hasText: '复制名称' }).click()
    await toast(page, '内容已复制').waitFor()
    await dialog.waitFor({ state: 'hidden' })

    await card.click()
    await dialog.locator('.taro-model__confirm', { hasText: '在线客服' }).click()
    await page.waitForURL(/#\/pages\/chat\/index/)
    expect(errors).toEqual([])
    await context.close()
  })

  it('greets a new visitor without an unread badge, and shows search results before the channels', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const errors = watchErrors(page)
    const polled = page.waitForResponse((r) => /\/api\/chat\/messages/.test(r.url()) && r.status() === 200)
    await page.goto(`${baseUrl}/#/pages/help/index`)
    const first = (await (await polled).json()) as { conversation: Conversation }
    expect(first.conversation.unreadCount).toBe(0)
    await frames(page)
    expect(await page.locator('.taro-tabbar__tabbar .weui-badge').filter({ visible: true }).count()).toBe(0)
    expect(await page.locator('.channel__badge').filter({ visible: true }).count()).toBe(0)

    const channels = page.getByText('联系客服', { exact: true }).filter({ visible: true })
    const search = page.getByRole('search').filter({ visible: true }).locator('input')
    await search.fill('退款')
    const results = page.getByText(/^找到 \d+ 个相关问题$/).filter({ visible: true })
    await results.waitFor()
    expect((await results.boundingBox())!.y).toBeLessThan((await channels.boundingBox())!.y)
    expect((await results.boundingBox())!.y).toBeLessThan(812)
    expect(errors).toEqual([])
    await context.close()
  })

  it('says so when a long message is cut at 2000 characters, and refuses a file that is not a photo', async () => {
    const { context, page, errors } = await open('/pages/chat/index')
    await page.locator('.bubble--bot').filter({ visible: true }).first().waitFor()
    const input = page.getByLabel('请输入您的问题').filter({ visible: true }).locator('textarea')
    await input.fill('很'.repeat(5000))
    expect((await input.inputValue()).length).toBe(2000)
    await page.getByText('最多 2000 字，超出的部分未保留').filter({ visible: true }).waitFor()
    await page.getByText('2000/2000').filter({ visible: true }).waitFor()
    await input.fill('')

    await page.getByLabel('更多').filter({ visible: true }).click()
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByText('图片', { exact: true }).filter({ visible: true }).click(),
    ])
    await chooser.setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') })
    await toast(page, '只能添加图片（JPG、PNG 等），请重新选择').waitFor()
    expect(await page.locator('.msg--mine').filter({ visible: true }).count()).toBe(0)
    expect(errors).toEqual([])
    await context.close()
  })

  it('scrolls an incoming tall image wholly into view once it has loaded', async () => {
    const { context, page, errors } = await open('/pages/chat/index')
    await page.locator('.bubble--bot').filter({ visible: true }).first().waitFor()
    const shopper = `Bearer ${await shopperToken(page)}`
    const handoff = await app.inject({ method: 'POST', url: '/api/chat/handoff', headers: { authorization: shopper }, payload: {} })
    expect(handoff.statusCode).toBe(200)
    const conv = handoff.json<Conversation>()
    const desk = await signInAgent(app, '小艾')
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/agent/conversations/${conv.id}/claim`,
          headers: { authorization: desk.authorization },
          payload: {},
        })
      ).statusCode,
    ).toBe(200)
    const { payload, headers } = multipart([{ field: 'file', filename: 'label.png', contentType: 'image/png', data: png(240, 720) }])
    const upload = await app.inject({
      method: 'POST',
      url: '/api/uploads',
      payload,
      headers: { ...headers, authorization: desk.authorization },
    })
    expect(upload.statusCode).toBe(201)
    const sent = await app.inject({
      method: 'POST',
      url: `/api/agent/conversations/${conv.id}/messages`,
      headers: { authorization: desk.authorization },
      payload: { clientMsgId: 'tall-image-1', kind: 'image', uploadId: upload.json<{ id: string }>().id },
    })
    expect(sent.statusCode).toBe(200)

    const image = page.locator('.msg .bubble__image').filter({ visible: true }).last()
    await image.waitFor()
    const handle = await image.elementHandle()
    await page.waitForFunction((el) => {
      const img = el?.querySelector('img') ?? el
      const list = el?.closest('.chat-list__scroll')
      if (!img || !list || !(img as HTMLImageElement).complete) return false
      const r = img.getBoundingClientRect()
      const box = list.getBoundingClientRect()
      return r.height > 100 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1
    }, handle)
    expect(errors).toEqual([])
    await context.close()
  })

  it('gives ticket pages a way back when the browser shows no navigation bar', async () => {
    const { context, page, errors } = await open('/pages/ticket/new/index')
    const back = page.getByRole('button', { name: '返回', exact: true }).filter({ visible: true })
    await back.click()
    await page.waitForURL(/#\/pages\/help\/index/)

    await page.locator('.taro-tabbar__tabbar').filter({ visible: true }).getByText('我的工单').click()
    await page.waitForURL(/#\/pages\/tickets\/index/)
    await page.goto(`${baseUrl}/#/pages/ticket/detail/index?id=no-such-ticket`)
    await back.click()
    await page.waitForURL(/#\/pages\/tickets\/index/)
    expect(errors).toEqual([])
    await context.close()
  })

  it('serves a real favicon that the page points to', async () => {
    const res = await fetch(`${baseUrl}/favicon.ico`)
    expect(res.status).toBe(200)
    const bytes = Buffer.from(await res.arrayBuffer())
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0])
    const html = await (await fetch(`${baseUrl}/`)).text()
    expect(html).toMatch(/<link rel="icon" href="\.\/favicon\.ico"/)
  })
})
