import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// Agents see contact details masked; each deliberate reveal of a full value is recorded here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_reveals')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('agent_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    .addColumn('subject', 'varchar(16)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('field', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('data_reveals_subject_idx').on('data_reveals').columns(['subject_id', 'created_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('data_reveals').execute()
}
