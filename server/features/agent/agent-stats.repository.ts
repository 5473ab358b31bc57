import { sql, type RawBuilder } from 'kysely'
import type { Database, DatabaseKind } from '../../db/database'

/** A half-open time window [since, until) of ISO timestamps. */
export interface Window {
  since: string
  until: string
}

/** Minutes from `from` to `to` (ISO-8601 text columns), as a number in either dialect. */
function minutesBetween(kind: DatabaseKind, from: RawBuilder<unknown>, to: RawBuilder<unknown>): RawBuilder<number | null> {
  return kind === 'postgres'
    ? sql<number | null>`extract(epoch from (cast(${to} as timestamptz) - cast(${from} as timestamptz))) / 60.0`
    : sql<number | null>`(julianday(${to}) - julianday(${from})) * 1440.0`
}

/** Conversations started in the window, how many were handed over, and how many wait right now. */
export async function conversationCounts(db: Database, w: Window) {
  const started = await db
    .selectFrom('chat_conversations')
    .select((eb) => [eb.fn.countAll<number>().as('started'), eb.fn.count<number>('queued_at').as('handed_over')])
    .where('created_at', '>=', w.since)
    .where('created_at', '<', w.until)
    .executeTakeFirstOrThrow()
  const waiting = await db
    .selectFrom('chat_conversations')
    .select((eb) => eb.fn.countAll<number>().as('waiting'))
    .where('status', '=', 'queued')
    .executeTakeFirstOrThrow()
  return { started: Number(started.started), handedOver: Number(started.handed_over), waitingNow: Number(waiting.waiting) }
}

/**
 * Average minutes from handover to the first claim, and from the first claim to the agent's
 * first message, over conversations started in the window that an agent took.
 */
export async function agentTimings(db: Database, kind: DatabaseKind, w: Window) {
  // The first claim is the first `assigned` event: a transfer or requeue later moves assigned_at on.
  const perConversation = db
    .selectFrom('chat_conversations as c')
    .select((eb) => [
      'c.queued_at',
      eb
        .selectFrom('chat_messages as m')
        .select((m) => m.fn.min('m.created_at').as('t'))
        .whereRef('m.conversation_id', '=', 'c.id')
        .where('m.kind', '=', 'event')
        .where('m.event_json', 'like', '{"type":"assigned"%')
        .as('claimed_at'),
      eb
        .selectFrom('chat_messages as m')
        .select((m) => m.fn.min('m.created_at').as('t'))
        .whereRef('m.conversation_id', '=', 'c.id')
        .where('m.sender', '=', 'agent')
        .as('answered_at'),
    ])
    .where('c.had_agent', '=', 1)
    .where('c.created_at', '>=', w.since)
    .where('c.created_at', '<', w.until)
    .as('t')
  const row = await db
    .selectFrom(perConversation)
    .select([
      sql<number | string | null>`avg(${minutesBetween(kind, sql.ref('t.queued_at'), sql.ref('t.claimed_at'))})`.as('queue_wait'),
      sql<number | string | null>`avg(${minutesBetween(kind, sql.ref('t.claimed_at'), sql.ref('t.answered_at'))})`.as('first_response'),
    ])
    .executeTakeFirstOrThrow()
  return { queueWait: row.queue_wait, firstResponse: row.first_response }
}

/** Average score and count of chat ratings given in the window, per target (bot / agent). */
export function ratingAverages(db: Database, w: Window) {
  return db
    .selectFrom('chat_ratings')
    .select((eb) => ['target', eb.fn.avg<number | string>('score').as('average'), eb.fn.countAll<number>().as('count')])
    .where('created_at', '>=', w.since)
    .where('created_at', '<', w.until)
    .groupBy('target')
    .execute()
}
