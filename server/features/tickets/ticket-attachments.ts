import type { Database } from '../../db/database'
import type { AttachmentInput } from '../../../types/ticket'
import { HttpError } from '../../plugins/errors'
import { findOwnedUploads } from '../uploads/uploads.repository'

/** Every attachment must be an upload of `ownerId`; the first that is not is a 400 naming its field. */
export async function assertOwnUploads(db: Database, ownerId: string, attachments: AttachmentInput[]): Promise<void> {
  if (attachments.length === 0) return
  const owned = new Set((await findOwnedUploads(db, ownerId, [...new Set(attachments.map((a) => a.uploadId))])).map((u) => u.id))
  const i = attachments.findIndex((a) => !owned.has(a.uploadId))
  if (i >= 0) {
    throw new HttpError(
      400,
      'ATTACHMENT_NOT_FOUND',
      'This file was not found among your uploads; upload it again.',
      `body.attachments.${i}.uploadId`,
    )
  }
}
