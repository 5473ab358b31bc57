import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp, type BuildOptions } from '../../server/app'

/**
 * A fresh database per app: a temp SQLite file, or — when DATABASE_URL is set — a new
 * PostgreSQL database created on that server and dropped afterwards.
 */
export interface TestDatabase {
  config: BuildOptions['config']
  sqliteFile?: string
  drop(): Promise<void>
}

/** Creates an empty database for one test file (or one group of apps sharing it). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const base = process.env.DATABASE_URL
  if (!base) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-test-'))
    return {
      config: { dataDir: dir, databaseUrl: null },
      sqliteFile: path.join(dir, 'test.sqlite'),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    }
  }
  const { Client } = await import('pg')
  const name = `t_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
  const admin = new Client({ connectionString: base })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    config: { databaseUrl: url.toString(), dataDir: os.tmpdir() },
    drop: async () => {
      const c = new Client({ connectionString: base })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

/** Builds the app on a fresh database; `close()` shuts both down. */
export async function buildTestApp(
  overrides: BuildOptions['config'] = {},
  database?: TestDatabase,
  logStream?: NodeJS.WritableStream,
): Promise<FastifyInstance & { dropDatabase: () => Promise<void> }> {
  const db = database ?? (await createTestDatabase())
  const app = await buildApp({
    ...(logStream ? { logStream, logger: true } : { logger: false }),
    config: {
      h5Dir: path.join(os.tmpdir(), 'no-h5-build'),
      logLevel: 'silent',
      rateLimitMax: 100_000,
      notifyPollMs: 0,
      // People answer around the clock unless a test sets hours: the clock must not decide a result.
      chat: { idleMinutes: 30, sweepSeconds: 60, agentHours: { openHour: 0, closeHour: 24 } },
      ...db.config,
      ...overrides,
    },
    sqliteFile: db.sqliteFile,
  })
  if (!database) {
    // Drop only after the app (and its pool) has closed.
    const close = app.close.bind(app)
    Object.assign(app, {
      close: async () => {
        await close()
        await db.drop()
      },
    })
  }
  return Object.assign(app, { dropDatabase: db.drop })
}

/** Signs in a guest shopper (a new one, or the holder of `deviceSecret`) and returns auth headers and the next secret. */
export async function guest(
  app: FastifyInstance,
  deviceSecret?: string,
): Promise<{ authorization: string; userId: string; deviceSecret: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/guest', payload: deviceSecret ? { deviceSecret } : {} })
  if (res.statusCode !== 200) throw new Error(`guest sign-in failed: ${res.body}`)
  const body = res.json<{ token: string; user: { id: string }; deviceSecret: string }>()
  return { authorization: `Bearer ${body.token}`, userId: body.user.id, deviceSecret: body.deviceSecret }
}
