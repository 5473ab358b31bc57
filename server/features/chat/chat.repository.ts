import type { Transaction } from 'kysely'
import type { Database } from '../../db/database'
import type { DB } from '../../db/schema'
import type { ConversationRow, MessageRow, RatingRow } from './chat.tables'

type Db = Database | Transaction<DB>

/** The shopper's open conversation, if any. */
export function findOpenConversation(db: Db, shopperId: string) {
  return db.selectFrom('chat_conversations').selectAll().where('open_key', '=', shopperId).executeTakeFirst()
}

/** The shopper's most recent conversation, open or ended. */
export function findLatestConversation(db: Db, shopperId: string) {
  return db
    .selectFrom('chat_conversations')
    .selectAll()
    .where('shopper_id', '=', shopperId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export function findConversation(db: Db, id: string) {
  return db.selectFrom('chat_conversations').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertConversation(db: Db, row: ConversationRow): Promise<void> {
  await db.insertInto('chat_conversations').values(row).execute()
}

/**
 * Takes the conversation's row lock for the rest of the transaction (PostgreSQL: row lock;
 * SQLite: the one writer connection) and returns the row as it is now.
 */
export function lockConversation(trx: Transaction<DB>, id: string) {
  return trx
    .updateTable('chat_conversations')
    .set((eb) => ({ version: eb('version', '+', 0) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst()
}

export async function updateConversation(db: Db, id: string, patch: Partial<ConversationRow>): Promise<void> {
  if (Object.keys(patch).length === 0) return
  await db.updateTable('chat_conversations').set(patch).where('id', '=', id).execute()
}

export async function insertMessages(db: Db, rows: MessageRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('chat_messages').values(rows).execute()
}

export function findMessageByClientId(db: Db, conversationId: string, clientMsgId: string) {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('client_msg_id', '=', clientMsgId)
    .executeTakeFirst()
}

/** A message a user sent with this client id, in any of their conversations. */
export function findMessageBySender(db: Db, senderId: string, clientMsgId: string) {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('sender_id', '=', senderId)
    .where('client_msg_id', '=', clientMsgId)
    .executeTakeFirst()
}

/** Messages with seq > after, oldest first. */
export function listMessagesAfter(db: Db, conversationId: string, after: number, limit: number) {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', after)
    .orderBy('seq', 'asc')
    .limit(limit)
    .execute()
}

/** Messages with seq < before, newest first (callers reverse for display). */
export function listMessagesBefore(db: Db, conversationId: string, before: number, limit: number) {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('seq', '<', before)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute()
}

/** The latest message from one of the given senders. */
export function lastMessageFrom(db: Db, conversationId: string, senders: MessageRow['sender'][]) {
  return db
    .selectFrom('chat_messages')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('sender', 'in', senders)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** Messages after a read mark written by the given senders. */
export async function countMessagesAfter(
  db: Db,
  conversationId: string,
  afterSeq: number,
  senders: MessageRow['sender'][],
): Promise<number> {
  const row = await db
    .selectFrom('chat_messages')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('conversation_id', '=', conversationId)
    .where('seq', '>', afterSeq)
    .where('sender', 'in', senders)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** 1-based place among queued conversations of the same service type, oldest first. */
export async function queuePosition(db: Db, conv: ConversationRow): Promise<number> {
  const queuedAt = conv.queued_at ?? conv.created_at
  let q = db
    .selectFrom('chat_conversations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('status', '=', 'queued')
    .where((eb) => eb.or([eb('queued_at', '<', queuedAt), eb.and([eb('queued_at', '=', queuedAt), eb('id', '<', conv.id)])]))
  q = conv.service_type === null ? q.where('service_type', 'is', null) : q.where('service_type', '=', conv.service_type)
  const row = await q.executeTakeFirstOrThrow()
  return Number(row.n) + 1
}

/** Bumps the version of every conversation waiting in a service type's queue (their position moved). */
export function bumpQueued(db: Db, serviceType: string | null) {
  let q = db
    .updateTable('chat_conversations')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('status', '=', 'queued')
  q = serviceType === null ? q.where('service_type', 'is', null) : q.where('service_type', '=', serviceType)
  return q.returning(['id', 'last_seq']).execute()
}

export function listQueued(db: Db) {
  return db
    .selectFrom('chat_conversations')
    .selectAll()
    .where('status', '=', 'queued')
    .orderBy('queued_at', 'asc')
    .orderBy('id', 'asc')
    .execute()
}

export function listAgentConversations(db: Db, opts: { agentId: string | null; status: 'assigned' | 'ended'; limit: number }) {
  let q = db.selectFrom('chat_conversations').selectAll().where('status', '=', opts.status)
  if (opts.agentId) q = q.where('agent_id', '=', opts.agentId)
  else if (opts.status === 'ended') q = q.where('had_agent', '=', 1)
  return q.orderBy('last_activity_at', 'desc').limit(opts.limit).execute()
}

/** Open conversations with no activity since `before` (queued ones wait for us, not the shopper). */
export function listIdle(db: Db, before: string) {
  return db
    .selectFrom('chat_conversations')
    .selectAll()
    .where('status', 'in', ['bot', 'assigned'])
    .where('last_activity_at', '<', before)
    .execute()
}

export function countConversationsOf(db: Db, shopperId: string) {
  return db
    .selectFrom('chat_conversations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('shopper_id', '=', shopperId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n))
}

export function listRatings(db: Db, conversationId: string) {
  return db.selectFrom('chat_ratings').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at', 'asc').execute()
}

export async function insertRating(db: Db, row: RatingRow): Promise<void> {
  await db.insertInto('chat_ratings').values(row).execute()
}

export function findUserName(db: Db, id: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'role', 'created_at']).where('id', '=', id).executeTakeFirst()
}

/** Agents with how many conversations each has open. */
export function listAgentsWithLoad(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('chat_conversations', (j) =>
      j.onRef('chat_conversations.agent_id', '=', 'users.id').on('chat_conversations.status', '=', 'assigned'),
    )
    .select((eb) => ['users.id', 'users.display_name', eb.fn.count<number | string>('chat_conversations.id').as('n')])
    .where('users.role', '=', 'agent')
    .groupBy(['users.id', 'users.display_name'])
    .orderBy('users.display_name')
    .execute()
}
