import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// The native WeChat customer-service channel: where a conversation's shopper last wrote from,
// the reply window WeChat grants, the pushes received (stored once), the replies sent back.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('chat_conversations')
    .addColumn('channel', 'varchar(8)', (c) => c.notNull().defaultTo('app'))
    .execute()
  await db.schema.alterTable('chat_conversations').addColumn('wechat_openid', 'varchar(64)').execute()
  // When the shopper last wrote through WeChat and how ('message' or 'enter'): the window starts there.
  await db.schema.alterTable('chat_conversations').addColumn('wechat_window_at', 'varchar(32)').execute()
  await db.schema.alterTable('chat_conversations').addColumn('wechat_window_kind', 'varchar(8)').execute()
  // Messages up to this seq have been considered for sending back through WeChat.
  await db.schema
    .alterTable('chat_conversations')
    .addColumn('wechat_out_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.createIndex('chat_conv_channel_idx').on('chat_conversations').columns(['channel', 'last_seq']).execute()
  await db.schema.alterTable('chat_messages').addColumn('origin', 'varchar(8)').execute()

  await db.schema
    .createTable('wechat_push_nonces')
    .addColumn('nonce', 'varchar(64)', (c) => c.primaryKey())
    // A nonce may come again only with the same body (WeChat's own retry), never with another.
    .addColumn('body_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('seen_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('wechat_push_nonces_seen_idx').on('wechat_push_nonces').column('seen_at').execute()

  await db.schema
    .createTable('wechat_inbound')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    // MsgId, or FromUserName + CreateTime + Event for events: WeChat's retries carry the same key.
    .addColumn('dedupe_key', 'varchar(160)', (c) => c.notNull().unique())
    .addColumn('openid', 'varchar(64)', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('wechat_inbound_due_idx').on('wechat_inbound').columns(['status', 'next_attempt_at']).execute()

  await db.schema
    .createTable('wechat_outbound')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('conversation_id', 'varchar(36)', (c) => c.notNull().references('chat_conversations.id'))
    // One delivery per message, however many instances look at it.
    .addColumn('message_id', 'varchar(36)', (c) => c.notNull().unique())
    .addColumn('openid', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('errcode', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(32)')
    .execute()
  await db.schema.createIndex('wechat_outbound_due_idx').on('wechat_outbound').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('wechat_outbound_conv_idx').on('wechat_outbound').columns(['conversation_id', 'created_at']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('wechat_outbound').execute()
  await db.schema.dropTable('wechat_inbound').execute()
  await db.schema.dropTable('wechat_push_nonces').execute()
  await db.schema.alterTable('chat_messages').dropColumn('origin').execute()
  await db.schema.dropIndex('chat_conv_channel_idx').execute()
  for (const column of ['wechat_out_seq', 'wechat_window_kind', 'wechat_window_at', 'wechat_openid', 'channel']) {
    await db.schema.alterTable('chat_conversations').dropColumn(column).execute()
  }
}
