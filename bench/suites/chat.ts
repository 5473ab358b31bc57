import { benchConfig } from '../lib/app-config'
import { interleaved, measureRps, type Load } from '../lib/load'
import { benchPostgres, freshDatabase } from '../lib/pg'
import { startServer, type ServerProcess } from '../lib/processes'
import { clientMsgId, openConversations, send, WaitingShoppers } from '../lib/shopper-client'
import { round } from '../lib/stats'
import type { BenchSuite, Measure } from '../lib/types'

const SECONDS = 2
const SHOPPERS = 20

/** Sends and ticket creations per second on one database, each shopper with a long-poll waiting. */
async function throughput(
  app: ServerProcess,
): Promise<{ send: () => Promise<Load>; ticket: () => Promise<Load>; stop: () => Promise<void> }> {
  const tokens = await app.shoppers(SHOPPERS)
  const seqs = await openConversations(app.url, tokens, 5)
  const waiting = new WaitingShoppers(app.url)
  waiting.start(tokens, seqs)
  // The first answers warm the bot and the JIT; that is start-up, not throughput.
  for (const token of tokens.slice(0, 5)) await send(app.url, token)
  let i = 0
  const next = () => tokens[i++ % tokens.length]
  const json = { 'content-type': 'application/json' }
  return {
    send: () =>
      measureRps(`${app.url}/api/chat/messages`, SECONDS, {
        method: 'POST',
        headers: json,
        each: () => ({
          headers: { authorization: `Bearer ${next()}` },
          body: JSON.stringify({ clientMsgId: clientMsgId(), kind: 'text', text: '我的快递什么时候到' }),
        }),
      }),
    ticket: () =>
      measureRps(`${app.url}/api/tickets`, SECONDS, {
        method: 'POST',
        headers: json,
        each: () => ({
          headers: { authorization: `Bearer ${next()}`, 'idempotency-key': clientMsgId() },
          body: JSON.stringify({ serviceType: 'member', subtype: 'points', description: '上周的积分还没有到账，麻烦查一下' }),
        }),
      }),
    stop: () => waiting.stop(),
  }
}

function vsBare(id: string, title: string, load: Load, bare: Load, db: string): Measure {
  return {
    id,
    title,
    value: round(load.rps),
    unit: 'req/s',
    baseline: { title: 'bare Fastify hello-world', value: round(bare.rps), unit: 'req/s' },
    ratio: round(load.rps / bare.rps),
    goal: '',
    met: null,
    note: `${db}; p99 ${load.p99Ms} ms${load.failed ? `; ${load.failed} failed` : ''}.`,
  }
}

const suite: BenchSuite = {
  id: 'chat',
  title: `Chat send and ticket creation throughput (${SHOPPERS} shoppers, each with a waiting long-poll; 10 connections)`,
  async run() {
    const measures: Measure[] = []
    const pg = benchPostgres()
    const databases: Array<{ label: string; url: string | null }> = [{ label: 'sqlite', url: null }]
    if (pg.url) databases.push({ label: 'postgres', url: await freshDatabase(pg.url, 'bench_chat') })
    const bare = await startServer('bare')
    try {
      for (const db of databases) {
        const app = await startServer('app', benchConfig(`chat-${db.label}`, { databaseUrl: db.url }))
        try {
          const t = await throughput(app)
          const [b, send, ticket] = await interleaved(2, [() => measureRps(bare.url, SECONDS), t.send, t.ticket])
          await t.stop()
          const name = db.label === 'sqlite' ? 'SQLite' : 'PostgreSQL'
          measures.push(
            vsBare(`chat.send.${db.label}`, `Chat send (idempotent, stored, bot answer, fanned out), ${name}`, send, b, name),
            vsBare(`tickets.create.${db.label}`, `Ticket creation (idempotency key), ${name}`, ticket, b, name),
          )
        } finally {
          await app.close()
        }
      }
    } finally {
      await bare.close()
    }
    if (!pg.url) {
      for (const id of ['chat.send.postgres', 'tickets.create.postgres']) {
        measures.push({
          id,
          title: `${id} (PostgreSQL)`,
          value: NaN,
          unit: 'req/s',
          baseline: null,
          ratio: null,
          goal: '',
          met: null,
          note: `not measured: ${pg.reason}`,
        })
      }
    }
    return measures
  },
}

export default suite
