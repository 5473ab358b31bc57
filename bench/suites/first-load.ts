/**
 * First load: the weapp main package and the H5 first screen's bytes as served (gzip, brotli),
 * and first contentful paint in Chromium at 4× CPU throttling, each against an empty Taro React
 * app built with the same config in the same run (cached per Taro version).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { buildApp } from '../../server/app'
import { launchChromium, phone } from '../lib/browser'
import { emptyTaroBuild, taroVersion } from '../lib/empty-taro'
import { h5FirstLoad } from '../lib/h5-first-load'
import type { BenchSuite, Measure } from '../lib/types'
import { weappSizes } from '../lib/weapp-size'

const ROOT = path.resolve(__dirname, '../..')
const GOAL = 1.25
const FCP_ROUNDS = 5
const kb = (n: number) => Number((n / 1024).toFixed(1))

/** A measure of `value` against the empty app's `floor`, goal ≤ 1.25×. */
function versusEmpty(id: string, title: string, value: number, floor: number, unit: string, note?: string): Measure {
  const ratio = value / floor
  return {
    id,
    title,
    value,
    unit,
    baseline: { title: `empty Taro ${taroVersion()} React app, same config`, value: floor, unit },
    ratio: Number(ratio.toFixed(2)),
    goal: `≤ ${GOAL}× the empty app`,
    met: ratio <= GOAL,
    ...(note ? { note } : {}),
  }
}

/** The H5 build at `h5Dir` served by the product's own server (compression, caching, CSP as shoppers get them). */
async function serve(h5Dir: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-bench-fcp-'))
  const app = await buildApp({
    config: { dataDir, databaseUrl: null, logLevel: 'silent', rateLimitMax: 10_000_000, notifyPollMs: 0, h5Dir },
    logger: false,
  })
  const url = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1')
  return {
    url,
    close: async () => {
      app.server.closeAllConnections()
      await app.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** First contentful paint of `url` in a fresh phone context with the CPU slowed 4×. */
async function fcp(browser: Browser, url: string): Promise<number> {
  const context = await phone(browser)
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
    await page.goto(url)
    const handle = await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime)
    return Number(await handle.jsonValue())
  } finally {
    await context.close()
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const suite: BenchSuite = {
  id: 'first-load',
  title: 'First load against an empty Taro React app',
  async run(): Promise<Measure[]> {
    const empty = emptyTaroBuild()
    const built = empty.builtNow ? `empty app built in ${(empty.buildMs / 1000).toFixed(0)} s` : 'empty app from node_modules/.cache'
    const measures: Measure[] = []

    const app = weappSizes(path.join(ROOT, 'dist/weapp'))
    const floorWeapp = weappSizes(path.join(empty.dir, 'dist/weapp'))
    if (app && floorWeapp) {
      measures.push(
        versusEmpty(
          'first-load.weapp-main',
          'weapp main package (what WeChat downloads before the first page)',
          kb(app.main),
          kb(floorWeapp.main),
          'KB',
          built,
        ),
      )
    }

    const h5Dir = path.join(ROOT, 'dist/h5')
    const h5 = h5FirstLoad(h5Dir)
    const floorH5 = h5FirstLoad(path.join(empty.dir, 'dist/h5'))
    if (h5 && floorH5) {
      const files = h5.files.map((f) => f.file).join(', ')
      measures.push(
        versusEmpty('first-load.h5-gzip', 'H5 first-screen bytes, gzip', kb(h5.gzip), kb(floorH5.gzip), 'KB', files),
        versusEmpty('first-load.h5-brotli', 'H5 first-screen bytes, brotli', kb(h5.brotli), kb(floorH5.brotli), 'KB'),
      )
      const browser = await launchChromium()
      const product = await serve(h5Dir)
      const floor = await serve(path.join(empty.dir, 'dist/h5'))
      try {
        const a: number[] = []
        const b: number[] = []
        // Interleaved rounds, so load from other processes weighs on both alike.
        for (let i = 0; i < FCP_ROUNDS; i++) {
          a.push(await fcp(browser, `${product.url}/`))
          b.push(await fcp(browser, `${floor.url}/`))
        }
        measures.push(
          versusEmpty(
            'first-load.h5-fcp',
            'H5 first contentful paint, 4× CPU throttling (median of 5)',
            Math.round(median(a)),
            Math.round(median(b)),
            'ms',
            'both served by the product server on loopback',
          ),
        )
      } finally {
        await browser.close()
        await product.close()
        await floor.close()
      }
    }
    if (measures.length === 0) throw new Error('dist/weapp and dist/h5 are missing: run npm run build first')
    return measures
  },
}

export default suite
