import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// One case number ties a conversation to the tickets it leads to, across every channel.
// Rows from before have none (null); new conversations and tickets always get one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_conversations').addColumn('case_no', 'varchar(16)').execute()
  await db.schema.alterTable('tickets').addColumn('case_no', 'varchar(16)').execute()
  await db.schema.createIndex('chat_conversations_case_no').on('chat_conversations').column('case_no').execute()
  await db.schema.createIndex('tickets_case_no').on('tickets').column('case_no').execute()
  await db.schema.createIndex('tickets_contact_phone').on('tickets').column('contact_phone').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tickets_contact_phone').execute()
  await db.schema.dropIndex('tickets_case_no').execute()
  await db.schema.dropIndex('chat_conversations_case_no').execute()
  await db.schema.alterTable('tickets').dropColumn('case_no').execute()
  await db.schema.alterTable('chat_conversations').dropColumn('case_no').execute()
}
