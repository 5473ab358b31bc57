/**
 * Long chats: a shopper's conversation of 50 and of 5,000 messages in the H5 chat page
 * (Chromium, the real server and build), and the weapp setData payload per appended message
 * (miniprogram-simulate on dist/weapp, through the weapp test that asserts it).
 */
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { findConversation, insertMessages, updateConversation } from '../../server/features/chat/chat.repository'
import type { MessageRow } from '../../server/features/chat/chat.tables'
import { launchChromium, percentile, phone } from '../lib/browser'
import { arm, probe, type ChatProbe } from '../lib/long-chat-page'
import type { BenchSuite, Measure } from '../lib/types'

const ROOT = path.resolve(__dirname, '../..')
const APPENDS = 25
const SCROLL_BUDGET_MS = 120_000
const textOf = (seq: number) => `第${seq}条消息：您的包裹已到达转运中心，预计明天送达`

// Page functions below run in Chromium; the bench compiles without the DOM library.
declare const window: { __chatBench: ChatProbe }
declare const localStorage: { getItem(key: string): string | null }
declare const Event: new (type: string) => unknown
interface ScrollBox {
  scrollTop: number
  scrollHeight: number
  dispatchEvent(e: unknown): void
  querySelector(s: string): { textContent: string | null } | null
}

/** A guest shopper with a conversation of `count` messages, the page open on it. */
async function openChat(app: FastifyInstance, base: string, page: Page, count: number) {
  await page.goto(`${base}/#/pages/chat/index`)
  await page.waitForFunction(() => localStorage.getItem('sd.session') !== null)
  const raw = JSON.parse((await page.evaluate(() => localStorage.getItem('sd.session'))) ?? '{}') as { data?: { token?: string } }
  const auth = { authorization: `Bearer ${raw.data?.token ?? ''}`, 'content-type': 'application/json' }
  const sent = await fetch(`${base}/api/chat/messages`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ kind: 'text', text: '你好', clientMsgId: crypto.randomUUID() }),
  })
  const first = (await sent.json()) as { conversationId: string }
  // Let the bot's reply land before the history is written behind it.
  let conv = await findConversation(app.db, first.conversationId)
  for (let i = 0; i < 200 && (conv?.last_seq ?? 0) < 2; i++) {
    await new Promise((r) => setTimeout(r, 25))
    conv = await findConversation(app.db, first.conversationId)
  }
  if (!conv) throw new Error('no conversation')
  const seeded = await seed(app, conv.id, conv.last_seq, count - conv.last_seq)
  await updateConversation(app.db, conv.id, { last_seq: seeded, version: conv.version + 1 })
  // tsx keeps function names through a `__name` helper; the page needs it for the probes' source.
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || function (f) { return f }' })
  await page.addInitScript(probe, textOf(seeded))
  await page.reload()
  await page.waitForFunction(() => (window.__chatBench?.openedAt ?? null) !== null)
  const openMs = await page.evaluate(() => window.__chatBench.openedAt ?? NaN)
  return { conversationId: conv.id, lastSeq: seeded, openMs }
}

/** Writes `n` agent messages after `from`, a minute apart, straight through the repository. */
async function seed(app: FastifyInstance, conversationId: string, from: number, n: number): Promise<number> {
  const start = Date.now() - (n + 10) * 60_000
  const rows: MessageRow[] = []
  for (let seq = from + 1; seq <= from + n; seq++) rows.push(row(conversationId, seq, new Date(start + seq * 60_000)))
  // SQLite caps the variables of one statement; 500 rows a statement stays under it.
  for (let i = 0; i < rows.length; i += 500) await insertMessages(app.db, rows.slice(i, i + 500))
  return from + n
}

function row(conversationId: string, seq: number, at: Date): MessageRow {
  return {
    id: crypto.randomUUID(),
    conversation_id: conversationId,
    seq,
    client_msg_id: null,
    sender: seq % 3 === 0 ? 'shopper' : 'agent',
    sender_id: null,
    sender_name: seq % 3 === 0 ? null : '小艾',
    kind: 'text',
    text: textOf(seq),
    upload_id: null,
    order_no: null,
    order_json: null,
    meta_json: null,
    event_json: null,
    system_code: null,
    system_params_json: null,
    origin: null,
    created_at: at.toISOString(),
  }
}

/** Publishes one agent message at a time and returns the arrival → paint times in ms. */
async function appendTimes(app: FastifyInstance, page: Page, conversationId: string, lastSeq: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 1; i <= APPENDS; i++) {
    const seq = lastSeq + i
    await page.evaluate(arm, textOf(seq))
    await insertMessages(app.db, [row(conversationId, seq, new Date())])
    const conv = await findConversation(app.db, conversationId)
    await updateConversation(app.db, conversationId, { last_seq: seq, version: (conv?.version ?? 0) + 1 })
    app.chat.bus.publish(conversationId, seq)
    times.push(await page.evaluate(() => window.__chatBench.done!))
  }
  return times
}

/**
 * Scrolls the visible list to its top again and again until the first message is drawn or
 * `budgetMs` ran out (the whole run must stay within the bench's time); returns how far it got.
 */
async function scrollToFirst(page: Page, budgetMs: number): Promise<{ ms: number; steps: number; oldestSeq: number }> {
  const started = performance.now()
  let steps = 0
  const list = page.locator('.chat-list__scroll').filter({ visible: true }).first()
  const firstText = () => list.locator('.bubble').first().textContent()
  let first = await firstText()
  for (; performance.now() - started < budgetMs && !first?.includes('你好'); steps++) {
    await list.evaluate((el: ScrollBox) => {
      el.scrollTop = 0
      el.dispatchEvent(new Event('scroll'))
    })
    // A flick that lands while the list is still settling on its anchor loads nothing; flick again.
    await page
      .waitForFunction(
        ([el, text]) => (el as unknown as ScrollBox).querySelector('.bubble')?.textContent !== text,
        [await list.elementHandle(), first] as const,
        { timeout: 400 },
      )
      .catch(() => undefined)
    first = await firstText()
  }
  const oldestSeq = first?.includes('你好') ? 1 : Number(/第(\d+)条/.exec(first ?? '')?.[1] ?? NaN)
  return { ms: performance.now() - started, steps, oldestSeq }
}

/** Back to the newest message, as a shopper flicks down; waits until the list is cut back. */
async function scrollToBottom(page: Page): Promise<void> {
  const list = page.locator('.chat-list__scroll').filter({ visible: true }).first()
  for (let i = 0; i < 20; i++) {
    await list.evaluate((el: ScrollBox) => {
      el.scrollTop = el.scrollHeight
      el.dispatchEvent(new Event('scroll'))
    })
    if ((await list.locator('.msg').count()) <= 80) return
    await page.waitForTimeout(50)
  }
}

/** The weapp figures, from the weapp test that spies on setData (it writes them when asked). */
function weappPayloads(): { at50: number; at5000: number; rows: number } | null {
  if (!fs.existsSync(path.join(ROOT, 'dist/weapp/app.js'))) return null
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sd-long-chat-')), 'weapp.json')
  execFileSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '-c', 'test/jest.weapp.config.js', 'test/weapp/long-chat.test.js', '--ci'],
    {
      cwd: ROOT,
      env: { ...process.env, LONG_CHAT_REPORT: out },
      stdio: 'pipe',
    },
  )
  return JSON.parse(fs.readFileSync(out, 'utf8')) as { at50: number; at5000: number; rows: number }
}

const suite: BenchSuite = {
  id: 'long-chat',
  title: 'Long chats (H5 in Chromium, weapp through miniprogram-simulate)',
  async run(): Promise<Measure[]> {
    const h5Dir = path.join(ROOT, 'dist/h5')
    if (!fs.existsSync(path.join(h5Dir, 'index.html'))) throw new Error('dist/h5 is missing: run npm run build:h5 first')
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-chat-'))
    const app = await buildApp({
      config: { dataDir, databaseUrl: null, logLevel: 'silent', rateLimitMax: 10_000_000, notifyPollMs: 0, h5Dir },
      logger: false,
    })
    const base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1')
    const browser = await launchChromium()
    try {
      const small = await (await phone(browser)).newPage()
      const s = await openChat(app, base, small, 50)
      const smallTimes = await appendTimes(app, small, s.conversationId, s.lastSeq)

      const large = await (await phone(browser)).newPage()
      const l = await openChat(app, base, large, 5000)
      const scroll = await scrollToFirst(large, SCROLL_BUDGET_MS)
      const inStore = l.lastSeq - scroll.oldestSeq + 1
      const drawnAtTop = await large.locator('.chat-list__scroll .msg').filter({ visible: true }).count()
      await scrollToBottom(large)
      const largeTimes = await appendTimes(app, large, l.conversationId, l.lastSeq)
      const drawn = await large.locator('.chat-list__scroll .msg').filter({ visible: true }).count()

      const p95s = percentile(smallTimes, 95)
      const p95l = percentile(largeTimes, 95)
      const weapp = weappPayloads()
      const measures: Measure[] = [
        {
          id: 'long-chat.open-5000',
          title: 'Open the chat page on a 5,000-message conversation (to the newest message painted)',
          value: Math.round(l.openMs),
          unit: 'ms',
          baseline: { title: 'the same page on 50 messages', value: Math.round(s.openMs), unit: 'ms' },
          ratio: Number((l.openMs / s.openMs).toFixed(2)),
          goal: 'about the same as at 50 (≤ 1.25×)',
          met: l.openMs <= s.openMs * 1.25,
          note: 'the page loads the newest 30 messages; older pages come when scrolled up',
        },
        {
          id: 'long-chat.append-p95-5000',
          title: `Append one message with ${inStore} messages in the store, p95 of ${APPENDS} (long-poll response → painted frame)`,
          value: Number(p95l.toFixed(1)),
          unit: 'ms',
          baseline: { title: 'the same at 50 messages', value: Number(p95s.toFixed(1)), unit: 'ms' },
          ratio: Number((p95l / p95s).toFixed(2)),
          goal: '< 16 ms, and ≤ 1.25× the figure at 50',
          met: p95l < 16 && p95l <= p95s * 1.25,
          note: `${drawn} message rows drawn after scrolling back down (windowed list); 2 cores shared with other processes`,
        },
        {
          id: 'long-chat.scroll-to-first',
          title: 'Scroll from the newest message towards the first of 5,000 (history pages of 30 + window reveals)',
          value: Math.round(scroll.ms),
          unit: 'ms',
          baseline: null,
          ratio: null,
          goal: 'reaches the first message',
          met: scroll.oldestSeq === 1,
          note: `${scroll.steps} flicks to the top reached message ${scroll.oldestSeq} of ${l.lastSeq}${scroll.oldestSeq === 1 ? '' : ` within the ${SCROLL_BUDGET_MS / 1000} s budget`}; ${drawnAtTop} rows drawn there (the window is cut back only at the bottom)`,
        },
      ]
      if (weapp) {
        measures.push({
          id: 'long-chat.weapp-setdata-5000',
          title: 'weapp setData bytes for one appended message at 5,000 messages',
          value: weapp.at5000,
          unit: 'B',
          baseline: { title: 'the same at 50 messages', value: weapp.at50, unit: 'B' },
          ratio: Number((weapp.at5000 / weapp.at50).toFixed(2)),
          goal: 'independent of history length (≤ 1.25×)',
          met: weapp.at5000 <= weapp.at50 * 1.25,
          note: `${weapp.rows} rows drawn in the simulated page`,
        })
      }
      return measures
    } finally {
      await browser.close()
      app.server.closeAllConnections()
      await app.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  },
}

export default suite
