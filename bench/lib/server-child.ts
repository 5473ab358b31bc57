/**
 * The server under test, in its own process (the load comes from the bench runner). Mode `app`
 * runs the real server with BENCH_CONFIG overrides; `bare` is a Fastify hello-world and `echo`
 * a plain HTTP echo, the baselines. Answers the runner over IPC: RSS, and shopper sessions
 * created straight through the repository (thousands of sign-ins would only measure the
 * sign-in limiter).
 */
import crypto from 'node:crypto'
import http from 'node:http'
import Fastify from 'fastify'
import type { Insertable } from 'kysely'
import { buildApp } from '../../server/app'
import type { SessionsTable, UsersTable } from '../../server/db/schema'
import { hashToken } from '../../server/features/auth/auth.service'

type Request =
  | { id: number; type: 'rss' }
  | { id: number; type: 'shoppers'; count: number }
  | { id: number; type: 'gc' }
  | { id: number; type: 'listeners' }

async function listenApp(): Promise<{ url: string; shoppers: (n: number) => Promise<string[]>; listeners: () => number }> {
  const config = JSON.parse(process.env.BENCH_CONFIG ?? '{}')
  const app = await buildApp({ config: { logLevel: 'silent', notifyPollMs: 0, ...config }, logger: false })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const shoppers = async (count: number): Promise<string[]> => {
    const tokens: string[] = []
    const now = new Date().toISOString()
    const expires = new Date(Date.now() + 86_400_000).toISOString()
    for (let start = 0; start < count; start += 500) {
      const users: Insertable<UsersTable>[] = []
      const sessions: Insertable<SessionsTable>[] = []
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const id = crypto.randomUUID()
        const token = crypto.randomBytes(24).toString('base64url')
        tokens.push(token)
        users.push({
          id,
          role: 'shopper' as const,
          display_name: `顾客${i}`,
          openid: null,
          device_id: null,
          username: null,
          password_hash: null,
          created_at: now,
        })
        sessions.push({ token_hash: hashToken(token), user_id: id, expires_at: expires, created_at: now, revoked_at: null })
      }
      await app.db.transaction().execute(async (trx) => {
        await trx.insertInto('users').values(users).execute()
        await trx.insertInto('sessions').values(sessions).execute()
      })
    }
    return tokens
  }
  return { url, shoppers, listeners: () => app.chat.bus.listenerCount() }
}

async function listenBare(): Promise<{ url: string }> {
  const bare = Fastify({ logger: false })
  bare.get('/', async () => ({ hello: 'world' }))
  return { url: await bare.listen({ port: 0, host: '127.0.0.1' }) }
}

async function listenEcho(): Promise<{ url: string }> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.concat(chunks)))
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return { url: `http://127.0.0.1:${port}` }
}

async function main(): Promise<void> {
  const mode = process.env.BENCH_MODE ?? 'app'
  const app = mode === 'app' ? await listenApp() : undefined
  const server = app ?? (mode === 'bare' ? await listenBare() : await listenEcho())
  if (!process.send) {
    // Started by hand (e.g. under --cpu-prof): just serve.
    console.log(server.url)
    process.on('SIGTERM', () => process.exit(0))
    return
  }
  // The runner went away (stopped or crashed): do not linger holding ports and memory.
  process.on('disconnect', () => process.exit(0))
  process.on('message', (msg: Request) => {
    const answer = async (): Promise<unknown> => {
      if (msg.type === 'rss') return process.memoryUsage().rss
      if (msg.type === 'gc') {
        // --expose-gc is passed by the runner; settle garbage before a memory reading.
        ;(globalThis as { gc?: () => void }).gc?.()
        return null
      }
      if (!app) throw new Error(`${msg.type} needs the app mode`)
      if (msg.type === 'listeners') return app.listeners()
      return app.shoppers(msg.count)
    }
    answer().then(
      (value) => process.send!({ id: msg.id, value }),
      (err: Error) => process.send!({ id: msg.id, error: err.message }),
    )
  })
  process.send!({ ready: server.url })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
