import type { AddressInfo } from 'node:net'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { insertUser } from '../../server/features/auth/auth.repository'
import { hashPassword } from '../../server/features/auth/passwords'
import { buildTestApp } from './server'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
/**
 * Where test runs put their screenshots: an ignored folder, so a run never rewrites the docs.
 * `npm run screenshots` points SCREENSHOTS_DIR at docs/screenshots to refresh them on purpose.
 */
export const SCREENSHOTS = path.resolve(__dirname, '../..', process.env.SCREENSHOTS_DIR || 'test/artifacts/screenshots')
fs.mkdirSync(SCREENSHOTS, { recursive: true })

/** The real server on a free loopback port, serving the real H5 build from dist/h5. */
export async function startServer(): Promise<{ app: FastifyInstance; baseUrl: string }> {
  const app = await buildTestApp({ h5Dir: path.resolve(__dirname, '../../dist/h5') })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  return { app, baseUrl: `http://127.0.0.1:${port}` }
}

/** Debian's Chromium, headless, with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A phone-sized context (375×812 @2x), Chinese locale unless told otherwise. */
export function phoneContext(browser: Browser, locale = 'zh-CN'): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale, isMobile: true, hasTouch: true })
}

/** Collects page errors and CSP refusals so a test can assert the page stayed healthy. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  // A Content-Security-Policy refusal is a broken page too (a script, style or image that did not load).
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) errors.push(m.text())
  })
  return errors
}

/** Waits until the element is wholly inside the viewport (e.g. a list has scrolled to its newest message). */
export async function inViewport(locator: Locator): Promise<void> {
  const handle = await locator.elementHandle()
  await locator.page().waitForFunction((el) => {
    if (!el) return false
    const r = el.getBoundingClientRect()
    return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0
  }, handle)
}

/** Waits until no CSS animation or transition is running (a sheet has finished sliding in). */
export async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
}

/** The password of every agent the e2e tests create. */
export const AGENT_PASSWORD = 'correct-horse-42'

/** An agent account straight in the database, as `npm run agent:create` makes one. */
export async function createAgent(app: FastifyInstance, username: string, displayName: string): Promise<void> {
  await insertUser(app.db, {
    id: crypto.randomUUID(),
    role: 'agent',
    display_name: displayName,
    openid: null,
    device_id: null,
    username,
    password_hash: await hashPassword(AGENT_PASSWORD),
    created_at: new Date().toISOString(),
  })
}

/** Signs an agent in through the real login page and waits for the workspace. */
export async function signInAgentPage(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/#/pages/agent/login/index`)
  await page.getByLabel('用户名').filter({ visible: true }).locator('input').fill(username)
  await page.getByLabel('密码').filter({ visible: true }).locator('input').fill(AGENT_PASSWORD)
  await page.getByLabel('登录').filter({ visible: true }).click()
  await page.waitForURL(/#\/pages\/agent\/workspace\/index/)
}

/** The shopper's bearer token, once the H5 app has stored it (Taro keeps `{ data }` in localStorage). */
export async function shopperToken(page: Page): Promise<string> {
  await page.waitForFunction(() => localStorage.getItem('sd.session') !== null)
  const raw = await page.evaluate(() => localStorage.getItem('sd.session'))
  const parsed = JSON.parse(raw ?? 'null') as { data?: { token: string }; token?: string } | null
  const token = parsed?.data?.token ?? parsed?.token
  if (!token) throw new Error(`no shopper session stored: ${raw}`)
  return token
}
