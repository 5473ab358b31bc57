import type { Database } from '../../db/database'
import type { UploadsTable } from './uploads.tables'

export type UploadRow = UploadsTable

/** Records a stored file. */
export async function insertUpload(db: Database, row: UploadRow): Promise<void> {
  await db.insertInto('uploads').values(row).execute()
}

/** One upload by id, whoever owns it. */
export function findUpload(db: Database, id: string): Promise<UploadRow | undefined> {
  return db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The uploads among `ids` that belong to `ownerId` (others' and unknown ids are left out). */
export async function findOwnedUploads(db: Database, ownerId: string, ids: string[]): Promise<UploadRow[]> {
  if (ids.length === 0) return []
  return db.selectFrom('uploads').selectAll().where('owner_id', '=', ownerId).where('id', 'in', ids).execute()
}

/** Records that WeChat is checking the image under `traceId`. */
export async function markPending(db: Database, id: string, traceId: string): Promise<void> {
  await db.updateTable('uploads').set({ moderation: 'pending', moderation_trace_id: traceId }).where('id', '=', id).execute()
}

/**
 * Applies WeChat's verdict to the upload checked under `traceId`; gives the upload's id when
 * its status changed (a repeated push changes nothing), else null.
 */
export async function settleCheck(db: Database, traceId: string, status: 'pass' | 'risky'): Promise<string | null> {
  const row = await db
    .updateTable('uploads')
    .set({ moderation: status })
    .where('moderation_trace_id', '=', traceId)
    .where('moderation', '!=', status)
    .returning('id')
    .executeTakeFirst()
  return row?.id ?? null
}

/** The ids among `ids` whose image check found them risky. */
export async function findBlocked(db: Database, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('uploads').select('id').where('id', 'in', ids).where('moderation', '=', 'risky').execute()
  return new Set(rows.map((r) => r.id))
}
