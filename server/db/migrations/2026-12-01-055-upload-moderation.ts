import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// Uploads made before image checks existed were never checked, hence 'pass'.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('uploads')
    .addColumn('moderation', 'varchar(8)', (c) => c.notNull().defaultTo('pass'))
    .execute()
  await db.schema.alterTable('uploads').addColumn('moderation_trace_id', 'varchar(128)').execute()
  await db.schema.createIndex('uploads_moderation_trace_id').on('uploads').column('moderation_trace_id').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('uploads_moderation_trace_id').execute()
  await db.schema.alterTable('uploads').dropColumn('moderation_trace_id').execute()
  await db.schema.alterTable('uploads').dropColumn('moderation').execute()
}
