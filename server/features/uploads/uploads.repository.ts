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
