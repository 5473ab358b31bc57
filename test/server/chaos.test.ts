import crypto from 'node:crypto'
import type { ChildProcess } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../server/db/database'
import { startChaosProxy } from '../support/chaos-proxy'
import { freePort, killHard, request, startServerProcess, type HttpAnswer } from '../support/server-process'
import { createTestDatabase } from '../support/server'
import { pointsBody } from '../support/tickets'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
const SHOPPERS = 5
const MESSAGES_EACH = 400
const TICKETS_EACH = 40
const KILL_AT = [0.3, 0.65]

/** Retries through resets, lost answers and restarts until the server says yes; any other refusal is a failure. */
async function untilAccepted(send: () => Promise<HttpAnswer>, counters: { retries: number }): Promise<HttpAnswer> {
  for (let attempt = 0; ; attempt++) {
    try {
      const res = await send()
      if (res.status >= 200 && res.status < 300) return res
      if (res.status < 500 && res.status !== 429) throw new Error(`refused ${res.status}: ${res.body}`)
    } catch (err) {
      if ((err as Error).message.startsWith('refused')) throw err
    }
    counters.retries++
    if (attempt > 400) throw new Error('gave up after 400 attempts')
    await new Promise((resolve) => setTimeout(resolve, Math.min(20 * 2 ** Math.min(attempt, 4), 300)))
  }
}

describe(`chaos: lossy network and SIGKILLs, then exactly once and gapless (${db})`, () => {
  it('stores 2,000 messages and 200 tickets exactly once, with no gaps in any conversation', async () => {
    const database = await createTestDatabase()
    const dataDir = database.config!.databaseUrl ? os.tmpdir() : database.config!.dataDir!
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      ...(database.config!.databaseUrl ? { DATABASE_URL: database.config!.databaseUrl } : {}),
      LOG_LEVEL: 'silent',
      RATE_LIMIT_MAX: '10000000',
      H5_DIR: path.join(os.tmpdir(), 'no-h5-build'),
      NOTIFY_POLL_MS: '0',
      TICKET_SWEEP_SECONDS: '0',
      CLEANUP_SWEEP_SECONDS: '0',
      LIMIT_CONVERSATIONS_PER_DAY: '1000',
    }
    let port = await freePort()
    let server: ChildProcess = await startServerProcess(port, env)
    const proxy = await startChaosProxy(() => port, { seed: 1201, resetRate: 0.05, dropRate: 0.1 })
    const counters = { retries: 0 }
    const via = (method: string, url: string, headers: Record<string, string> = {}, body?: unknown) =>
      request(proxy.port, method, url, headers, body)
    let acked = 0
    let kills = 0
    try {
      const shoppers = await Promise.all(
        Array.from({ length: SHOPPERS }, async () => {
          const res = await untilAccepted(() => via('POST', '/api/auth/guest', {}, {}), counters)
          return {
            authorization: `Bearer ${JSON.parse(res.body).token}`,
            id: JSON.parse(res.body).user.id as string,
            msgIds: [] as string[],
            keys: [] as string[],
          }
        }),
      )
      const run = Promise.all(
        shoppers.map(async (s) => {
          for (let i = 0; i < MESSAGES_EACH; i++) {
            const clientMsgId = `chaos-${s.id.slice(0, 8)}-${i}`
            s.msgIds.push(clientMsgId)
            await untilAccepted(
              () =>
                via(
                  'POST',
                  '/api/chat/messages',
                  { authorization: s.authorization },
                  { clientMsgId, kind: 'text', text: `第 ${i} 条消息` },
                ),
              counters,
            )
            acked++
            if (i % (MESSAGES_EACH / TICKETS_EACH) === 0) {
              const key = crypto.randomUUID()
              s.keys.push(key)
              await untilAccepted(
                () => via('POST', '/api/tickets', { authorization: s.authorization, 'idempotency-key': key }, pointsBody()),
                counters,
              )
            }
          }
        }),
      )
      const total = SHOPPERS * MESSAGES_EACH
      for (const share of KILL_AT) {
        for (let turn = 0; acked < total * share; turn++) {
          if (turn > 100_000) throw new Error('clients stopped making progress')
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
        await killHard(server)
        kills++
        port = await freePort()
        server = await startServerProcess(port, env)
      }
      await run

      const handle = await openDatabase({ databaseUrl: database.config!.databaseUrl ?? null, dataDir })
      try {
        for (const s of shoppers) {
          const mine = await handle.db
            .selectFrom('chat_messages as m')
            .innerJoin('chat_conversations as c', 'c.id', 'm.conversation_id')
            .select(['m.client_msg_id', 'm.seq', 'm.conversation_id', 'm.sender'])
            .where('c.shopper_id', '=', s.id)
            .execute()
          const sent = mine.filter((m) => m.sender === 'shopper').map((m) => m.client_msg_id)
          expect(sent).toHaveLength(MESSAGES_EACH)
          expect(new Set(sent)).toEqual(new Set(s.msgIds))
          const byConversation = new Map<string, number[]>()
          for (const m of mine) byConversation.set(m.conversation_id, [...(byConversation.get(m.conversation_id) ?? []), Number(m.seq)])
          for (const seqs of byConversation.values()) {
            const sorted = [...seqs].sort((x, y) => x - y)
            expect(sorted).toEqual(Array.from({ length: sorted.length }, (_v, i) => i + 1))
          }
          const tickets = await handle.db.selectFrom('tickets').select('id').where('user_id', '=', s.id).execute()
          expect(tickets).toHaveLength(TICKETS_EACH)
        }
      } finally {
        await handle.close()
      }
      expect(kills).toBe(2)
      expect(proxy.stats.droppedResponses).toBeGreaterThan(0)
      expect(proxy.stats.resetBeforeServer).toBeGreaterThan(0)
      if (process.env.CHAOS_REPORT) {
        process.stdout.write(`chaos ${db}: ${JSON.stringify({ ...proxy.stats, retries: counters.retries, kills })}\n`)
      }
    } finally {
      await killHard(server)
      await proxy.close()
      await database.drop()
    }
  }, 180_000)
})
