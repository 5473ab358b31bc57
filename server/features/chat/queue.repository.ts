import type { Transaction } from 'kysely'
import type { Database } from '../../db/database'
import type { DB } from '../../db/schema'

type Db = Database | Transaction<DB>

/** Bumps the version of every conversation waiting in a service type's queue (their position moved). */
export function bumpQueued(db: Db, serviceType: string | null) {
  let q = db
    .updateTable('chat_conversations')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('status', '=', 'queued')
  q = serviceType === null ? q.where('service_type', 'is', null) : q.where('service_type', '=', serviceType)
  return q.returning(['id', 'last_seq']).execute()
}

/** Where a queue page starts: after this (queued_at, id). */
export interface QueueCursor {
  queuedAt: string
  id: string
}

/** One page of queued conversations, longest wait first. */
export function listQueued(db: Db, limit: number, after: QueueCursor | null = null) {
  let q = db.selectFrom('chat_conversations').selectAll().where('status', '=', 'queued')
  if (after) {
    q = q.where((eb) =>
      eb.or([eb('queued_at', '>', after.queuedAt), eb.and([eb('queued_at', '=', after.queuedAt), eb('id', '>', after.id)])]),
    )
  }
  return q.orderBy('queued_at', 'asc').orderBy('id', 'asc').limit(limit).execute()
}

/** Queued conversations per service type (all of them, or only those before a cursor), with the oldest wait. */
export function countQueuedByServiceType(db: Db, before: QueueCursor | null = null) {
  let q = db
    .selectFrom('chat_conversations')
    .select((eb) => ['service_type', eb.fn.countAll<number | string>().as('n'), eb.fn.min('queued_at').as('oldest')])
    .where('status', '=', 'queued')
  if (before) {
    q = q.where((eb) =>
      eb.or([eb('queued_at', '<', before.queuedAt), eb.and([eb('queued_at', '=', before.queuedAt), eb('id', '<=', before.id)])]),
    )
  }
  return q.groupBy('service_type').execute()
}

/** Conversations in a state, for one agent (or, for history, any that had an agent). */
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

/** How many conversations a shopper has had. */
export function countConversationsOf(db: Db, shopperId: string) {
  return db
    .selectFrom('chat_conversations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('shopper_id', '=', shopperId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n))
}

/** Agents with how many conversations each has open. */
export function listAgentsWithLoad(db: Db) {
  return db
    .selectFrom('users')
    .leftJoin('chat_conversations', (j) =>
      j.onRef('chat_conversations.agent_id', '=', 'users.id').on('chat_conversations.status', '=', 'assigned'),
    )
    .select((eb) => ['users.id', 'users.display_name', 'users.last_seen_at', eb.fn.count<number | string>('chat_conversations.id').as('n')])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('sessions')
            .select('sessions.user_id')
            .whereRef('sessions.user_id', '=', 'users.id')
            .where('sessions.revoked_at', 'is', null)
            .where('sessions.expires_at', '>', new Date().toISOString()),
        )
        .as('signed_in'),
    )
    .where('users.role', '=', 'agent')
    .groupBy(['users.id', 'users.display_name', 'users.last_seen_at'])
    .orderBy('users.display_name')
    .execute()
}

/** Notes that an agent's workspace is open, at most every half minute per agent. */
export async function markAgentSeen(db: Db, agentId: string, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - 30_000).toISOString()
  await db
    .updateTable('users')
    .set({ last_seen_at: now.toISOString() })
    .where('id', '=', agentId)
    .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', stale)]))
    .execute()
}
