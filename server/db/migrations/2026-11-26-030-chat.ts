import type { Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('chat_conversations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('shopper_id', 'varchar(36)', (c) => c.notNull().references('users.id'))
    // Equals shopper_id while the conversation is open, null once ended: one open conversation per shopper.
    .addColumn('open_key', 'varchar(36)', (c) => c.unique())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('service_type', 'varchar(16)')
    .addColumn('lang', 'varchar(8)', (c) => c.notNull())
    .addColumn('agent_id', 'varchar(36)', (c) => c.references('users.id'))
    .addColumn('had_agent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('handoff_reason', 'varchar(40)')
    .addColumn('unhelpful_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('order_no', 'varchar(32)')
    .addColumn('ticket_id', 'varchar(36)')
    // The per-conversation counter: bumped in the same transaction as each insert.
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shopper_read_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('agent_read_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('shopper_typing_until', 'varchar(32)')
    .addColumn('agent_typing_until', 'varchar(32)')
    .addColumn('rating_requested', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('queued_at', 'varchar(32)')
    .addColumn('assigned_at', 'varchar(32)')
    .addColumn('ended_at', 'varchar(32)')
    .addColumn('ended_by', 'varchar(16)')
    .addColumn('last_activity_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('chat_conv_shopper_idx').on('chat_conversations').columns(['shopper_id', 'created_at']).execute()
  await db.schema.createIndex('chat_conv_status_idx').on('chat_conversations').columns(['status', 'queued_at']).execute()
  await db.schema.createIndex('chat_conv_agent_idx').on('chat_conversations').columns(['agent_id', 'status']).execute()

  await db.schema
    .createTable('chat_messages')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('conversation_id', 'varchar(36)', (c) => c.notNull().references('chat_conversations.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('client_msg_id', 'varchar(64)')
    .addColumn('sender', 'varchar(16)', (c) => c.notNull())
    .addColumn('sender_id', 'varchar(36)')
    .addColumn('sender_name', 'varchar(100)')
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('upload_id', 'varchar(36)')
    .addColumn('order_no', 'varchar(32)')
    .addColumn('order_json', 'text')
    .addColumn('meta_json', 'text')
    .addColumn('event_json', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('chat_messages_seq_uq', ['conversation_id', 'seq'])
    .addUniqueConstraint('chat_messages_client_uq', ['conversation_id', 'client_msg_id'])
    .execute()
  // A retried send is found by its sender even when it landed in an earlier conversation.
  await db.schema.createIndex('chat_messages_sender_idx').on('chat_messages').columns(['sender_id', 'client_msg_id']).execute()

  await db.schema
    .createTable('chat_ratings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('conversation_id', 'varchar(36)', (c) => c.notNull().references('chat_conversations.id'))
    .addColumn('target', 'varchar(8)', (c) => c.notNull())
    .addColumn('agent_id', 'varchar(36)')
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('tags_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('chat_ratings_target_uq', ['conversation_id', 'target'])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('chat_ratings').execute()
  await db.schema.dropTable('chat_messages').execute()
  await db.schema.dropTable('chat_conversations').execute()
}
