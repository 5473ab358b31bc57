import { benchConfig } from '../lib/app-config'
import { benchPostgres, freshDatabase } from '../lib/pg'
import { startServer, type ServerProcess } from '../lib/processes'
import { lastSeq, openConversations, poll, request, send, WaitingShoppers } from '../lib/shopper-client'
import { quantile, round } from '../lib/stats'
import type { BenchSuite, Measure } from '../lib/types'

const MESSAGES = 2000
const WAITING = 1000

/** Bare loopback round trips (GET on a keep-alive connection to a plain HTTP server), in ms. */
async function bareRoundTrips(n: number): Promise<number[]> {
  const echo = await startServer('echo')
  try {
    const times: number[] = []
    for (let i = 0; i < n + 50; i++) {
      const t0 = performance.now()
      await request(`${echo.url}/`, { method: 'POST', body: { i } })
      if (i >= 50) times.push(performance.now() - t0)
    }
    return times
  } finally {
    await echo.close()
  }
}

/**
 * Send's response → the other side's long-poll returning: the shopper sends on `sender`, their
 * other device polls on `receiver`, while WAITING other shoppers hold long-polls on `receiver`.
 */
async function latencies(sender: ServerProcess, receiver: ServerProcess, messages: number): Promise<{ times: number[]; early: number }> {
  const others = await receiver.shoppers(WAITING)
  const waiting = new WaitingShoppers(receiver.url)
  waiting.start(others, await openConversations(receiver.url, others))
  const [token] = await sender.shoppers(1)
  let seq = lastSeq(await poll(receiver.url, token, 0, 0), 0)
  const times: number[] = []
  let early = 0
  try {
    for (let i = 0; i < messages; i++) {
      const held = poll(receiver.url, token, seq, 20).then((answer) => ({ answer, at: performance.now() }))
      // Let the poll reach its wait: the server answers a poll at once when news is already there.
      await new Promise((r) => setTimeout(r, 3))
      await send(sender.url, token)
      const sentAt = performance.now()
      const { answer, at } = await held
      if (at < sentAt) early++
      times.push(Math.max(0, at - sentAt))
      seq = lastSeq(answer, seq)
      // The bot's answer follows the shopper's message: collect it before the next round.
      const rest = await poll(receiver.url, token, seq, 0)
      seq = lastSeq(rest, seq)
    }
  } finally {
    await waiting.stop()
  }
  return { times, early }
}

function measures(prefix: string, title: string, t: { times: number[]; early: number }, bare: number[], note: string): Measure[] {
  const bareP50 = quantile(bare, 0.5)
  const p50 = quantile(t.times, 0.5)
  const p99 = quantile(t.times, 0.99)
  const extra = `${t.times.length} messages, ${WAITING} other shoppers waiting; ${t.early} polls returned before the send's response reached the sender (counted as 0 ms). ${note}`
  return [
    {
      id: `${prefix}.p50`,
      title: `${title}: p50`,
      value: round(p50),
      unit: 'ms',
      baseline: { title: 'bare loopback round trip p50', value: round(bareP50), unit: 'ms' },
      ratio: round(p50 / bareP50),
      goal: 'p50 ≤ 5× the bare round trip',
      met: p50 <= 5 * bareP50,
      note: extra,
    },
    {
      id: `${prefix}.p99`,
      title: `${title}: p99`,
      value: round(p99),
      unit: 'ms',
      baseline: { title: 'bare loopback round trip p99', value: round(quantile(bare, 0.99)), unit: 'ms' },
      ratio: round(p99 / quantile(bare, 0.99)),
      goal: 'p99 ≤ 50 ms',
      met: p99 <= 50,
      note: extra,
    },
  ]
}

const suite: BenchSuite = {
  id: 'realtime',
  title: `Realtime latency: a send's response → the other side's long-poll returning`,
  async run() {
    const bare = await bareRoundTrips(MESSAGES)
    const out: Measure[] = []
    const one = await startServer('app', benchConfig('realtime'))
    try {
      out.push(
        ...measures(
          'realtime.sqlite',
          'One instance, SQLite',
          await latencies(one, one, MESSAGES),
          bare,
          'The receiver is the shopper’s second device.',
        ),
      )
    } finally {
      await one.close()
    }
    const pg = benchPostgres()
    if (!pg.url) {
      out.push({
        id: 'realtime.pg-two-instances.p99',
        title: 'Two instances, PostgreSQL',
        value: NaN,
        unit: 'ms',
        baseline: null,
        ratio: null,
        goal: 'p99 ≤ 50 ms',
        met: null,
        note: `not measured: ${pg.reason}`,
      })
      return out
    }
    const url = await freshDatabase(pg.url, 'bench_realtime')
    const a = await startServer('app', benchConfig('realtime-a', { databaseUrl: url }))
    const b = await startServer('app', benchConfig('realtime-b', { databaseUrl: url }))
    try {
      const n = MESSAGES / 4
      out.push(
        ...measures(
          'realtime.pg-two-instances',
          'Two instances on PostgreSQL (send on one, poll on the other)',
          await latencies(a, b, n),
          bare,
          'The wake crosses instances through LISTEN/NOTIFY.',
        ),
      )
    } finally {
      await Promise.all([a.close(), b.close()])
    }
    return out
  },
}

export default suite
