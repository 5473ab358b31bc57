import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// The mini-program page a shopper opened WeChat's service chat from (the contact button's sessionFrom),
// and the conversation version at which a reply's delivery state last changed (so a long-poll
// waiting past an older version hands the changed message back).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_conversations').addColumn('wechat_entry_page', 'varchar(200)').execute()
  await db.schema.alterTable('wechat_outbound').addColumn('state_version', 'integer').execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('wechat_outbound').dropColumn('state_version').execute()
  await db.schema.alterTable('chat_conversations').dropColumn('wechat_entry_page').execute()
}
