import type { Database } from '../../db/database'

const DAY_MS = 86_400_000

/** Deletes sessions that expired or were revoked more than a day ago; returns how many. */
export async function sweepSessions(db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - DAY_MS).toISOString()
  const res = await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', cutoff), eb('revoked_at', '<', cutoff)]))
    .executeTakeFirst()
  return Number(res.numDeletedRows)
}

/**
 * Deletes guest accounts unseen for `idleDays` that hold nothing: no chat, ticket, upload or
 * notification. Anything a shopper wrote keeps their account. Returns how many went.
 */
export async function sweepIdleGuests(db: Database, idleDays: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - idleDays * DAY_MS).toISOString()
  const idle = await db
    .selectFrom('users as u')
    .select('u.id')
    .where('u.role', '=', 'shopper')
    .where('u.openid', 'is', null)
    .where((eb) => eb.fn.coalesce('u.last_seen_at', 'u.created_at'), '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('chat_conversations as c').select('c.id').whereRef('c.shopper_id', '=', 'u.id'))),
    )
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('tickets as t').select('t.id').whereRef('t.user_id', '=', 'u.id'))))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('ticket_idempotency as k').select('k.user_id').whereRef('k.user_id', '=', 'u.id'))),
    )
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('uploads as f').select('f.id').whereRef('f.owner_id', '=', 'u.id'))))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('notification_outbox as n').select('n.id').whereRef('n.user_id', '=', 'u.id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('subscription_grants as g').select('g.user_id').whereRef('g.user_id', '=', 'u.id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('sessions as s')
            .select('s.token_hash')
            .whereRef('s.user_id', '=', 'u.id')
            .where('s.expires_at', '>', now.toISOString())
            .where('s.revoked_at', 'is', null),
        ),
      ),
    )
    .limit(500)
    .execute()
  if (idle.length === 0) return 0
  const ids = idle.map((r) => r.id)
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('user_id', 'in', ids).execute()
    await trx.deleteFrom('users').where('id', 'in', ids).execute()
  })
  return ids.length
}
