import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// Every agent sign-in attempt, for backoff/lockout and the agents' audit view.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_attempts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('username', 'varchar(64)', (c) => c.notNull())
    .addColumn('address', 'varchar(64)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(8)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('sign_in_attempts_user_idx').on('sign_in_attempts').columns(['username', 'created_at']).execute()
  await db.schema.createIndex('sign_in_attempts_addr_idx').on('sign_in_attempts').columns(['address', 'created_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_attempts').execute()
}
