import fs from 'node:fs'
import path from 'node:path'
import { benchConfig, guestToken, H5_DIR } from '../lib/app-config'
import { interleaved, measureRps } from '../lib/load'
import { startServer } from '../lib/processes'
import { round } from '../lib/stats'
import type { BenchSuite, Measure } from '../lib/types'

const SECONDS = 2
const ROUNDS = 3

/** The largest content-hashed script of the H5 build, as the browser asks for it. */
export function mainScript(): string | null {
  const dir = path.join(H5_DIR, 'js')
  if (!fs.existsSync(dir)) return null
  const js = fs.readdirSync(dir).filter((f) => /\.[0-9a-f]{8}\.js$/.test(f))
  const app = js.find((f) => f.startsWith('app.'))
  return app ? `/js/${app}` : null
}

/** A measure against bare Fastify's requests per second. */
function vsBare(id: string, title: string, rps: number, bare: number, goal: number | null, note?: string): Measure {
  const ratio = rps / bare
  return {
    id,
    title,
    value: round(rps),
    unit: 'req/s',
    baseline: { title: 'bare Fastify hello-world', value: round(bare), unit: 'req/s' },
    ratio: round(ratio),
    goal: goal === null ? '' : `≥ ${goal * 100} % of bare Fastify`,
    met: goal === null ? null : ratio >= goal,
    note,
  }
}

const suite: BenchSuite = {
  id: 'overhead',
  title: 'Per-request overhead (10 keep-alive connections, median of 3 interleaved rounds)',
  async run() {
    const bare = await startServer('bare')
    const cached = await startServer('app', benchConfig('overhead'))
    const uncached = await startServer('app', benchConfig('overhead-nocache', { sessionCacheMs: 0 }))
    try {
      const headers = { authorization: `Bearer ${await guestToken(cached.url)}` }
      const headersUncached = { authorization: `Bearer ${await guestToken(uncached.url)}` }
      const script = mainScript()
      const loads = [
        () => measureRps(bare.url, SECONDS),
        () => measureRps(`${cached.url}/healthz`, SECONDS),
        () => measureRps(`${cached.url}/api/auth/me`, SECONDS, { headers }),
        () => measureRps(`${uncached.url}/api/auth/me`, SECONDS, { headers: headersUncached }),
        ...(script ? [() => measureRps(`${cached.url}${script}`, SECONDS, { headers: { 'accept-encoding': 'br, gzip' } })] : []),
      ]
      const [b, health, me, meUncached, asset] = await interleaved(ROUNDS, loads)
      const failed = [health, me, meUncached, asset].reduce((n, l) => n + (l?.failed ?? 0), 0)
      const failNote = failed > 0 ? ` ${failed} requests failed.` : ''
      const measures = [
        vsBare('overhead.healthz', 'GET /healthz', health.rps, b.rps, null, `p99 ${health.p99Ms} ms.${failNote}`),
        vsBare(
          'overhead.auth-read',
          'Authenticated read (GET /api/auth/me), session cache on',
          me.rps,
          b.rps,
          0.6,
          `p99 ${me.p99Ms} ms. What remains per request: helmet's headers, the rate-limit bucket, route validation and serialisation.${failNote}`,
        ),
        vsBare(
          'overhead.auth-read-uncached',
          'Authenticated read, session cache off (SESSION_CACHE_MS=0)',
          meUncached.rps,
          b.rps,
          null,
          `p99 ${meUncached.p99Ms} ms: one session lookup (sessions ⋈ users) per request.`,
        ),
      ]
      measures.push(
        asset
          ? vsBare('overhead.static', `Static asset (GET ${script}, brotli)`, asset.rps, b.rps, null, `p99 ${asset.p99Ms} ms.`)
          : {
              id: 'overhead.static',
              title: 'Static asset',
              value: NaN,
              unit: 'req/s',
              baseline: null,
              ratio: null,
              goal: '',
              met: null,
              note: 'not measured: dist/h5 is missing (npm run build:h5)',
            },
      )
      return measures
    } finally {
      await Promise.all([bare.close(), cached.close(), uncached.close()])
    }
  },
}

export default suite
