import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// The mini-program page a shopper opened WeChat's service chat from (the contact button's sessionFrom).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_conversations').addColumn('wechat_entry_page', 'varchar(200)').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_conversations').dropColumn('wechat_entry_page').execute()
}
