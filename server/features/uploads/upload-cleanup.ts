import { sql } from 'kysely'
import type { Database } from '../../db/database'
import type { UploadStorage } from './upload-storage'

const BATCH = 200

/**
 * Removes uploads older than `olderThanHours` that no chat message and no ticket (or ticket
 * reply) refers to: files picked and then abandoned. Returns how many went.
 */
export async function sweepUnattachedUploads(
  db: Database,
  storage: UploadStorage,
  olderThanHours: number,
  now = new Date(),
): Promise<number> {
  const before = new Date(now.getTime() - olderThanHours * 3_600_000).toISOString()
  const rows = await db
    .selectFrom('uploads as u')
    .select(['u.id', 'u.storage_key'])
    .where('u.created_at', '<', before)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('chat_messages as m').select('m.id').whereRef('m.upload_id', '=', 'u.id'))),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('tickets as t')
            .select('t.id')
            .where('t.attachments', 'like', sql<string>`'%' || u.id || '%'`),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('ticket_events as e')
            .select('e.id')
            .where('e.attachments', 'like', sql<string>`'%' || u.id || '%'`),
        ),
      ),
    )
    .limit(BATCH)
    .execute()
  for (const row of rows) {
    await db.deleteFrom('uploads').where('id', '=', row.id).execute()
    await storage.remove(row.storage_key)
  }
  return rows.length
}
