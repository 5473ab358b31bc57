import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { FakeWechat, type PushSettings } from '../support/fake-wechat'
import { createAgent, launchBrowser, SCREENSHOTS, signInAgentPage, watchErrors } from '../support/e2e'
import { buildTestApp } from '../support/server'

const SETTINGS: PushSettings = { token: 'pushToken2026', format: 'xml', aesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG' }
const OPENID = 'oE2eWechatShopper01'

describe('a WeChat-native conversation in the real workspace (safe mode, XML)', () => {
  let fake: FakeWechat
  let app: FastifyInstance
  let baseUrl: string
  let browser: Browser
  let agent: Page
  let errors: string[]
  let msgId = 25_000_000_000_000_000n

  beforeAll(async () => {
    fake = await new FakeWechat().start()
    app = await buildTestApp({
      h5Dir: path.resolve(__dirname, '../../dist/h5'),
      auth: { production: false, wechat: { appId: fake.appId, secret: fake.secret, apiBase: fake.url } },
      wechatPushToken: SETTINGS.token,
      wechatPushAesKey: SETTINGS.aesKey!,
      wechatPushFormat: SETTINGS.format,
    })
    await app.listen({ port: 0, host: '127.0.0.1' })
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    await createAgent(app, 'wxagent', '小微')
    browser = await launchBrowser()
    agent = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage()
    errors = watchErrors(agent)
  })
  afterAll(async () => {
    await browser?.close()
    await app?.close()
    await fake?.stop()
  })

  /** The shopper types in WeChat's service chat: WeChat pushes it, encrypted, to the server. */
  async function shopperTypes(content: string): Promise<void> {
    const push = fake.customerPush(SETTINGS, {
      FromUserName: OPENID,
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'text',
      Content: content,
      MsgId: String(++msgId),
    })
    const res = await fetch(`${baseUrl}${push.url}`, { method: 'POST', headers: push.headers, body: push.payload })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('success')
  }

  it('bot answers through custom/send, hands over, the agent claims (badge shown) and the reply reaches the shopper’s WeChat', async () => {
    await shopperTypes('你好，我的快递一直没到')
    const [botAnswer] = await fake.customCount(1)
    expect(botAnswer).toMatchObject({ touser: OPENID, msgtype: 'text' })
    expect(botAnswer.text!.content.length).toBeGreaterThan(0)

    await shopperTypes('转人工')
    await fake.customCount(2)

    await signInAgentPage(agent, baseUrl, 'wxagent')
    const waiting = agent.getByLabel(/^排队顾客 /).filter({ visible: true })
    await waiting.first().waitFor({ timeout: 30_000 })
    await waiting.first().getByLabel('微信客服消息会话').waitFor()
    await agent
      .getByLabel(/^接入 /)
      .filter({ visible: true })
      .first()
      .click()
    await agent.getByText('你好，我的快递一直没到').filter({ visible: true }).first().waitFor()
    await agent.locator('.conv__name').filter({ visible: true }).getByLabel('微信客服消息会话').waitFor()
    await agent
      .getByText(/微信回复窗口：剩余 47 小时 · 还可回复 4 条/)
      .filter({ visible: true })
      .waitFor()

    const answer = '您好，我是小微，马上为您查询物流。'
    await agent.getByLabel('回复内容').filter({ visible: true }).locator('textarea').fill(answer)
    await agent.getByLabel('发送', { exact: true }).filter({ visible: true }).click()
    const sent = await fake.customCount(3)
    expect(sent[2]).toEqual({ touser: OPENID, msgtype: 'text', text: { content: answer } })
    await agent
      .getByText(/还可回复 3 条/)
      .filter({ visible: true })
      .waitFor()
    await agent.screenshot({ path: path.join(SCREENSHOTS, 'agent-wechat-channel-1280.png') })
    expect(errors).toEqual([])
  })
})
