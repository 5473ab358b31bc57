import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { Migrator } from 'kysely'
import { openDatabase } from '../../server/db/database'
import { migrations } from '../../server/db/migrate'
import { buildTestApp, createTestDatabase, guest } from '../support/server'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex')
const signIn = (app: FastifyInstance, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/auth/guest', payload })

describe(`guest identity (${db})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  it('issues a long random device secret and stores only its hash', async () => {
    const a = await guest(app)
    expect(Buffer.from(a.deviceSecret, 'base64url').length).toBeGreaterThanOrEqual(16)
    const row = await app.db.selectFrom('users').selectAll().where('id', '=', a.userId).executeTakeFirstOrThrow()
    expect(JSON.stringify(row)).not.toContain(a.deviceSecret)
    expect(row.device_secret_hash).toBe(sha256(a.deviceSecret))
  })

  it('no longer opens an account from a bare device id', async () => {
    const res = await signIn(app, { deviceId: 'device-abc-123' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
    const zeros = await signIn(app, { deviceSecret: '00000000' })
    expect(zeros.statusCode).toBe(401)
    expect(zeros.json().error.code).toBe('DEVICE_SECRET_INVALID')
  })

  it('rotates the secret on every use; the one before still works until the new one is used', async () => {
    const first = await guest(app)
    const second = await guest(app, first.deviceSecret)
    expect(second.userId).toBe(first.userId)
    expect(second.deviceSecret).not.toBe(first.deviceSecret)
    // The answer carrying `second` was lost: the device retries with the secret it still holds.
    const retried = await guest(app, first.deviceSecret)
    expect(retried.userId).toBe(first.userId)
    const next = await guest(app, retried.deviceSecret)
    expect(next.userId).toBe(first.userId)
    for (const used of [first.deviceSecret, second.deviceSecret]) {
      expect((await signIn(app, { deviceSecret: used })).statusCode).toBe(401)
    }
  })

  it('logs out one token without handing the account to anyone replaying an old secret', async () => {
    const a = await guest(app)
    const b = await guest(app, a.deviceSecret)
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: b.authorization } })
    expect((await app.inject({ url: '/api/auth/me', headers: { authorization: b.authorization } })).statusCode).toBe(401)
    const c = await guest(app, b.deviceSecret)
    expect(c.userId).toBe(a.userId)
    expect((await signIn(app, { deviceSecret: a.deviceSecret })).statusCode).toBe(401)
  })
})

describe(`existing guests migrate (${db})`, () => {
  it('turns an old device id into a one-time secret that keeps the account', async () => {
    const database = await createTestDatabase()
    const handle = await openDatabase({
      databaseUrl: database.config!.databaseUrl ?? null,
      dataDir: database.config!.dataDir!,
      sqliteFile: database.sqliteFile,
    })
    const provider = { getMigrations: async () => migrations }
    await new Migrator({ db: handle.db, provider }).migrateTo('2026-11-26-040-ticket-channel')
    const id = crypto.randomUUID()
    await handle.db
      .insertInto('users')
      .values({
        id,
        role: 'shopper',
        display_name: '访客',
        openid: null,
        device_id: 'dmlegacy0042',
        username: null,
        password_hash: null,
        created_at: new Date().toISOString(),
      })
      .execute()
    await handle.close()

    const app = await buildTestApp({}, database)
    try {
      const row = await app.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      expect(row.device_id).toBeNull()
      const claimed = await guest(app, 'dmlegacy0042')
      expect(claimed.userId).toBe(id)
      const again = await guest(app, claimed.deviceSecret)
      expect(again.userId).toBe(id)
      expect((await signIn(app, { deviceSecret: 'dmlegacy0042' })).statusCode).toBe(401)
    } finally {
      await app.close()
      await database.drop()
    }
  })
})
