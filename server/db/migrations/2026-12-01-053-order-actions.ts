import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// One row per confirmed self-service action: the journal agents read and the idempotency record.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('order_actions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('idempotency_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('order_no', 'varchar(20)', (c) => c.notNull())
    .addColumn('kind', 'varchar(24)', (c) => c.notNull())
    .addColumn('request_json', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('order_actions_user_key_uq', ['user_id', 'idempotency_key'])
    .execute()
  await db.schema.createIndex('order_actions_order_idx').on('order_actions').columns(['user_id', 'order_no']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('order_actions').execute()
}
