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

/** A shopper's conversations, newest first (会话记录). */
export function listConversationsOf(db: Db, shopperId: string, limit: number) {
  return db
    .selectFrom('chat_conversations')
    .selectAll()
    .where('shopper_id', '=', shopperId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** One conversation by id. */
export function findConversation(db: Db, id: string) {
  return db.selectFrom('chat_conversations').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Stores a new conversation. */
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

/** Changes columns of a conversation (nothing when the patch is empty). */
export async function updateConversation(db: Db, id: string, patch: Partial<ConversationRow>): Promise<void> {
  if (Object.keys(patch).length === 0) return
  await db.updateTable('chat_conversations').set(patch).where('id', '=', id).execute()
}

/** Stores messages whose seqs were assigned under the conversation's lock. */
export async function insertMessages(db: Db, rows: MessageRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('chat_messages').values(rows).execute()
}

/** The message of a conversation with this client id. */
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

/** Ratings given in a conversation. */
export function listRatings(db: Db, conversationId: string) {
  return db.selectFrom('chat_ratings').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at', 'asc').execute()
}

/** Stores a rating; the unique (conversation, target) refuses a second one. */
export async function insertRating(db: Db, row: RatingRow): Promise<void> {
  await db.insertInto('chat_ratings').values(row).execute()
}

/** A user's id, name, role and join date. */
export function findUserName(db: Db, id: string) {
  return db.selectFrom('users').select(['id', 'display_name', 'role', 'created_at']).where('id', '=', id).executeTakeFirst()
}

/** What a conversation's DTO adds to its row, in one round trip: names, queue place, unread, ratings. */
export async function findConversationFacts(db: Db, conv: ConversationRow, readSeq: number, unreadFrom: MessageRow['sender'][]) {
  const queuedAt = conv.queued_at ?? conv.created_at
  const rows = await db
    .selectFrom('chat_conversations as c')
    .leftJoin('chat_ratings as r', 'r.conversation_id', 'c.id')
    .select(['r.target', 'r.score', 'r.comment', 'r.tags_json', 'r.created_at'])
    .select((eb) => [
      eb
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', conv.agent_id ?? '')
        .as('agent_name'),
      eb.selectFrom('users').select('display_name').where('id', '=', conv.shopper_id).as('shopper_name'),
      eb
        .selectFrom('chat_messages')
        .select((m) => m.fn.countAll<number | string>().as('n'))
        .where('conversation_id', '=', conv.id)
        .where('seq', '>', readSeq)
        .where('sender', 'in', unreadFrom)
        .as('unread'),
      eb
        .selectFrom('chat_conversations as q')
        .select((m) => m.fn.countAll<number | string>().as('n'))
        .where('q.status', '=', 'queued')
        .where((w) => (conv.service_type === null ? w('q.service_type', 'is', null) : w('q.service_type', '=', conv.service_type)))
        .where((w) => w.or([w('q.queued_at', '<', queuedAt), w.and([w('q.queued_at', '=', queuedAt), w('q.id', '<', conv.id)])]))
        .as('ahead'),
    ])
    .where('c.id', '=', conv.id)
    .orderBy('r.created_at', 'asc')
    .execute()
  const first = rows[0]
  return {
    agentName: conv.agent_id ? (first?.agent_name ?? null) : null,
    shopperName: first?.shopper_name ?? null,
    unread: Number(first?.unread ?? 0),
    ahead: Number(first?.ahead ?? 0),
    ratings: rows.flatMap((r) =>
      r.target === null
        ? []
        : [{ target: r.target, score: r.score!, comment: r.comment!, tags_json: r.tags_json!, created_at: r.created_at! }],
    ),
  }
}
