import type { Database } from '../../db/database'
import { HttpError } from '../../plugins/errors'

const DAY_MS = 86_400_000

/** Bytes a user uploaded in the 24 hours before `now`. */
export async function bytesUploadedToday(db: Database, ownerId: string, now = new Date()): Promise<number> {
  const row = await db
    .selectFrom('uploads')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('size'), eb.lit(0)).as('bytes'))
    .where('owner_id', '=', ownerId)
    .where('created_at', '>=', new Date(now.getTime() - DAY_MS).toISOString())
    .executeTakeFirstOrThrow()
  return Number(row.bytes)
}

/** Refuses an upload that would take the user past their daily byte allowance. */
export async function assertUploadQuota(db: Database, ownerId: string, size: number, bytesPerDay: number): Promise<void> {
  const used = await bytesUploadedToday(db, ownerId)
  if (used + size <= bytesPerDay) return
  const mb = Math.round(bytesPerDay / 1024 / 1024)
  throw new HttpError(429, 'UPLOAD_QUOTA', `You can upload up to ${mb} MB a day; please try again tomorrow.`, 'file', {
    params: { maxMb: mb },
    details: { limitBytes: bytesPerDay, usedBytes: used },
  })
}
