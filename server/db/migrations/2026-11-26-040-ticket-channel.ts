import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// Existing tickets were all filed through the app's form, hence the default.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('tickets')
    .addColumn('channel', 'varchar(8)', (c) => c.notNull().defaultTo('app'))
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('tickets').dropColumn('channel').execute()
}
