import crypto from 'node:crypto'
import type { Database } from '../../db/database'
import type { Insertable, Selectable } from 'kysely'
import type { UsersTable } from '../../db/schema'

export type UserRow = Selectable<UsersTable>

/** Finds a user by one of its unique login keys. */
export function findUserBy(db: Database, key: 'openid' | 'device_secret_hash' | 'device_secret_prev_hash' | 'username', value: string) {
  return db.selectFrom('users').selectAll().where(key, '=', value).executeTakeFirst()
}

export function findUserById(db: Database, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Inserts a user; a concurrent insert of the same unique key is left to the caller to resolve. */
export async function insertUser(db: Database, row: Insertable<UsersTable>): Promise<void> {
  await db.insertInto('users').values(row).execute()
}

export async function insertSession(db: Database, row: { token_hash: string; user_id: string; expires_at: string; created_at: string }) {
  await db
    .insertInto('sessions')
    .values({ ...row, revoked_at: null })
    .execute()
}

/** The live session for a token hash, with its user, or undefined when expired or revoked. */
export function findLiveSession(db: Database, tokenHash: string, now: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id as id', 'users.role as role', 'users.display_name as display_name', 'sessions.expires_at as expires_at'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst()
}

export async function revokeSession(db: Database, tokenHash: string, now: string): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', tokenHash).execute()
}

/** Replaces a guest's secret only if it still is `expectedHash`; false when another sign-in rotated it first. */
export async function rotateDeviceSecret(
  db: Database,
  userId: string,
  expected: { column: 'device_secret_hash' | 'device_secret_prev_hash'; hash: string },
  next: { hash: string; prevHash: string | null; now: string },
): Promise<boolean> {
  const res = await db
    .updateTable('users')
    .set({ device_secret_hash: next.hash, device_secret_prev_hash: next.prevHash, last_seen_at: next.now })
    .where('id', '=', userId)
    .where(expected.column, '=', expected.hash)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Records one agent sign-in attempt for backoff and the audit view. */
export async function recordSignIn(
  db: Database,
  row: { username: string; address: string; outcome: 'ok' | 'failed' | 'locked'; at: string },
) {
  await db
    .insertInto('sign_in_attempts')
    .values({ id: crypto.randomUUID(), username: row.username, address: row.address, outcome: row.outcome, created_at: row.at })
    .execute()
}

/**
 * Times of failed attempts since `since`: for a username only those after its last success;
 * for an address all of them, so one valid account cannot reset a guessing run.
 */
export async function recentFailures(db: Database, key: 'username' | 'address', value: string, since: string): Promise<number[]> {
  const rows = await db
    .selectFrom('sign_in_attempts')
    .select(['outcome', 'created_at'])
    .where(key, '=', value)
    .where('created_at', '>=', since)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute()
  const out: number[] = []
  for (const r of rows) {
    if (r.outcome === 'ok' && key === 'username') break
    if (r.outcome === 'failed') out.push(Date.parse(r.created_at))
  }
  return out.reverse()
}

/** The newest sign-in attempts, newest first, before an optional timestamp cursor. */
export function listSignIns(db: Database, limit: number, before: string | null) {
  let q = db.selectFrom('sign_in_attempts').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit)
  if (before) q = q.where('created_at', '<', before)
  return q.execute()
}
