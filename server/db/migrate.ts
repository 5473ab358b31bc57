import { Migrator, type Migration, type MigrationProvider } from 'kysely'
import type { Database } from './database'
import * as m001 from './migrations/2026-11-26-001-init'
import * as m002 from './migrations/2026-11-26-002-auth'
import * as m010 from './migrations/2026-11-26-010-uploads'
import * as m011 from './migrations/2026-11-26-011-notifications'
import * as m020 from './migrations/2026-11-26-020-tickets'
import * as m030 from './migrations/2026-11-26-030-chat'
import * as m040 from './migrations/2026-11-26-040-ticket-channel'
import * as m050 from './migrations/2026-12-01-050-guest-secrets'
import * as m051 from './migrations/2026-12-01-051-sign-in-audit'
import * as m052 from './migrations/2026-12-01-052-data-reveals'
import * as m053 from './migrations/2026-12-01-053-order-actions'
import * as m054 from './migrations/2026-12-01-054-case-numbers'
import * as m055 from './migrations/2026-12-01-055-upload-moderation'
import * as m056 from './migrations/2026-12-01-056-system-message-codes'
import * as m057 from './migrations/2026-12-01-057-chat-rating-tag-ids'
import * as m063 from './migrations/2026-12-01-063-upload-blobs'
import * as m067 from './migrations/2026-12-01-067-wechat-channel'
import * as m068 from './migrations/2026-12-01-068-wechat-entry-page'

/** Every migration, in order. Names sort by date so both dialects apply them identically. */
export const migrations: Record<string, Migration> = {
  '2026-11-26-001-init': m001,
  '2026-11-26-002-auth': m002,
  '2026-11-26-010-uploads': m010,
  '2026-11-26-011-notifications': m011,
  '2026-11-26-020-tickets': m020,
  '2026-11-26-030-chat': m030,
  '2026-11-26-040-ticket-channel': m040,
  '2026-12-01-050-guest-secrets': m050,
  '2026-12-01-051-sign-in-audit': m051,
  '2026-12-01-052-data-reveals': m052,
  '2026-12-01-053-order-actions': m053,
  '2026-12-01-054-case-numbers': m054,
  '2026-12-01-055-upload-moderation': m055,
  '2026-12-01-056-system-message-codes': m056,
  '2026-12-01-057-chat-rating-tag-ids': m057,
  '2026-12-01-063-upload-blobs': m063,
  '2026-12-01-067-wechat-channel': m067,
  '2026-12-01-068-wechat-entry-page': m068,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Database): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`)
  }
}
