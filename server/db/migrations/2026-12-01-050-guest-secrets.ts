import crypto from 'node:crypto'
import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// Guests were known by a client-chosen device id. From now on they hold a server-issued
// secret, stored as its SHA-256. An existing guest's old id becomes a one-time secret: the
// first sign-in with it rotates it into a fresh secret, so the account and history are kept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('device_secret_hash', 'varchar(64)').execute()
  await db.schema.alterTable('users').addColumn('device_secret_prev_hash', 'varchar(64)').execute()
  await db.schema.alterTable('users').addColumn('last_seen_at', 'varchar(32)').execute()
  await db.schema.createIndex('users_device_secret_idx').unique().on('users').column('device_secret_hash').execute()
  await db.schema.createIndex('users_device_secret_prev_idx').on('users').column('device_secret_prev_hash').execute()
  const typed = db as Kysely<{ users: { id: string; device_id: string | null; device_secret_hash: string | null } }>
  const guests = await typed.selectFrom('users').select(['id', 'device_id']).where('device_id', 'is not', null).execute()
  for (const g of guests) {
    const hash = crypto.createHash('sha256').update(g.device_id!).digest('hex')
    await typed.updateTable('users').set({ device_secret_hash: hash, device_id: null }).where('id', '=', g.id).execute()
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('users_device_secret_prev_idx').execute()
  await db.schema.dropIndex('users_device_secret_idx').execute()
  await db.schema.alterTable('users').dropColumn('last_seen_at').execute()
  await db.schema.alterTable('users').dropColumn('device_secret_prev_hash').execute()
  await db.schema.alterTable('users').dropColumn('device_secret_hash').execute()
}
