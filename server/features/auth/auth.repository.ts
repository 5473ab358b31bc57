import type { Database } from '../../db/database'
import type { UsersTable } from '../../db/schema'

export type UserRow = UsersTable

/** Finds a user by one of its unique login keys. */
export function findUserBy(db: Database, key: 'openid' | 'device_id' | 'username', value: string) {
  return db.selectFrom('users').selectAll().where(key, '=', value).executeTakeFirst()
}

export function findUserById(db: Database, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Inserts a user; a concurrent insert of the same unique key is left to the caller to resolve. */
export async function insertUser(db: Database, row: UserRow): Promise<void> {
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
