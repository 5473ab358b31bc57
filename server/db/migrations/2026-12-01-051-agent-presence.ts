import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// When an agent's workspace last asked for its inbox: transfers go only to colleagues who are there.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('last_seen_at', 'varchar(32)').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('last_seen_at').execute()
}
