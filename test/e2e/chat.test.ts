import path from 'node:path'
import crypto from 'node:crypto'
import type { Browser } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import type { AgentPoll, ChatMessage, Queue } from '../../types/chat'
import { inViewport, launchBrowser, phoneContext, SCREENSHOTS, shopperToken, startServer, watchErrors } from '../support/e2e'
import { agent as signInAgent } from '../support/chat'
import { png } from '../support/images'

describe('chat in Chromium (H5 build, real server)', () => {
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

  const api = async <T>(pathname: string, authorization: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const res = await fetch(`${baseUrl}${pathname}`, {
      method: init.method ?? 'GET',
      headers: { authorization, ...(init.body ? { 'content-type': 'application/json' } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    })
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${pathname} → ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }

  it('bot answers, a photo goes up, an agent takes over live, and an offline message arrives exactly once', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${baseUrl}/#/pages/chat/index`)
    await page.getByText('智能客服', { exact: false }).filter({ visible: true }).first().waitFor()
    const composer = page.locator('.composer__input textarea').filter({ visible: true })
    const send = async (text: string) => {
      await composer.fill(text)
      await page.locator('.composer__send').filter({ visible: true }).click()
    }

    // No resize grip on the text box; the send button is clear of the tab bar (a real click, not forced).
    expect(await composer.evaluate((el) => getComputedStyle(el).resize)).toBe('none')
    const sendBox = await page.locator('.composer__send').filter({ visible: true }).boundingBox()
    const tabBar = await page.locator('.taro-tabbar__tabbar').filter({ visible: true }).boundingBox()
    expect(sendBox!.y + sendBox!.height).toBeLessThanOrEqual(tabBar!.y)

    // A logistics question, sent with Enter: the box empties; the bot files it under 物流.
    await composer.fill('快递一周了物流信息都没有更新，怎么回事')
    await composer.press('Enter')
    await page.locator('.msg--mine').filter({ visible: true }).filter({ hasText: '快递一周了物流信息都没有更新' }).first().waitFor()
    expect(await composer.inputValue()).toBe('')
    await page.locator('.bubble--bot').filter({ visible: true }).filter({ hasText: '物流' }).last().waitFor()
    const shopper = `Bearer ${await shopperToken(page)}`
    const view = await api<{ serviceType: string | null; id: string }>('/api/chat', shopper)
    expect(view.serviceType).toBe('logistics')

    // A photo: picked through the browser's file chooser, uploaded, shown from the server.
    await page.getByLabel('更多').filter({ visible: true }).click()
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByText('图片', { exact: true }).filter({ visible: true }).click(),
    ])
    await chooser.setFiles({ name: 'parcel.png', mimeType: 'image/png', buffer: png(64, 48) })
    await page.locator('.msg:not(.msg--pending) .bubble__image').filter({ visible: true }).waitFor()

    // 转人工, then an agent claims the conversation and replies through the agent API.
    await page.locator('.chat__handoff').filter({ visible: true }).click()
    await page
      .getByText('正在排队', { exact: false })
      .filter({ visible: true })
      .or(page.getByText('正在为您转接', { exact: false }).filter({ visible: true }))
      .or(page.getByText('您是下一位', { exact: false }).filter({ visible: true }))
      .first()
      .waitFor()
    const agent = await signInAgent(app, '小艾')
    const queue = await api<Queue>('/api/agent/queue', agent.authorization)
    const item = queue.items.find((i) => i.conversationId === view.id)
    expect(item?.serviceType).toBe('logistics')
    await api(`/api/agent/conversations/${view.id}/claim`, agent.authorization, { method: 'POST', body: {} })
    const reply = '您好，我已经在帮您联系快递公司核实了'
    await api(`/api/agent/conversations/${view.id}/messages`, agent.authorization, {
      method: 'POST',
      body: { clientMsgId: `agent-${Date.now()}`, kind: 'text', text: reply },
    })
    await page.locator('.bubble--agent').filter({ visible: true }).filter({ hasText: reply }).waitFor()
    // The header names the agent; no banner repeats it.
    await page.locator('.chat__state').filter({ visible: true }).getByText('小艾 为您服务中').waitFor()
    expect(await page.locator('.banners').filter({ visible: true }).filter({ hasText: '小艾' }).count()).toBe(0)

    // Offline while sending: the message waits, then arrives once when the network is back.
    await context.setOffline(true)
    const offlineText = `断网时发的消息 ${crypto.randomBytes(2).toString('hex')}`
    await send(offlineText)
    await page.locator('.msg--pending').filter({ visible: true }).filter({ hasText: offlineText }).waitFor()
    await page.getByText('等待网络').filter({ visible: true }).waitFor()
    await context.setOffline(false)
    await page.locator('.msg--pending').filter({ visible: true }).waitFor({ state: 'detached' })
    const history = await api<AgentPoll>(`/api/agent/conversations/${view.id}/messages?after=0&limit=100`, agent.authorization)
    const copies = history.messages.filter((m: ChatMessage) => m.text === offlineText)
    expect(copies).toHaveLength(1)
    expect(copies[0].sender).toBe('shopper')

    await inViewport(page.locator('.msg--mine').filter({ visible: true }).filter({ hasText: offlineText }))
    await page.screenshot({ path: path.join(SCREENSHOTS, 'chat.png') })
    expect(errors).toEqual([])
    await context.close()
  })

  it('shows the help center with live FAQ and channels', async () => {
    const context = await phoneContext(browser)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await page.goto(`${baseUrl}/#/pages/help/index`)
    await page.getByText('付款后一直没发货怎么办？').filter({ visible: true }).waitFor()
    await page.getByText('物流', { exact: true }).filter({ visible: true }).first().click()
    await page.getByText('物流问题怎么处理？').filter({ visible: true }).click()
    await page.getByText('仍需帮助？').filter({ visible: true }).waitFor()
    await page.screenshot({ path: path.join(SCREENSHOTS, 'help-center-faq.png') })
    expect(errors).toEqual([])
    await context.close()
  })
})
