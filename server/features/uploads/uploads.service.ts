import crypto from 'node:crypto'
import type { Readable } from 'node:stream'
import type { SessionUser } from '../../../types/auth'
import type { Upload, UploadContentType } from '../../../types/upload'
import type { Database } from '../../db/database'
import { HttpError } from '../../plugins/errors'
import { sniffImage } from './image-sniff'
import { assertUploadQuota } from './upload-quota'
import type { UploadLinks } from './upload-links'
import type { UploadStorage } from './upload-storage'
import * as repo from './uploads.repository'

const EXTENSIONS: Record<UploadContentType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' }

export interface UploadsDeps {
  db: Database
  storage: UploadStorage
  links: UploadLinks
  /** Bytes one user may upload per 24 hours. */
  bytesPerDay: number
}

/** A display name without paths, control or quote characters, ending in the real type's extension. */
export function sanitizeFilename(name: string | undefined, type: UploadContentType): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? ''
  const stem = base
    .replace(/\.[^.]*$/, '')
    .replace(/[\p{Cc}\p{Cf}"'<>:;|?*%\\]/gu, '')
    .trim()
    .slice(0, 80)
  return `${stem || 'image'}.${EXTENSIONS[type]}`
}

/** Checks the bytes are an image we accept, stores them and records the owner. */
export async function createUpload(deps: UploadsDeps, ownerId: string, file: { filename?: string; data: Buffer }): Promise<Upload> {
  if (file.data.length === 0) throw new HttpError(400, 'FILE_EMPTY', 'The file is empty.', 'file')
  const image = sniffImage(file.data)
  if (!image) {
    throw new HttpError(415, 'UNSUPPORTED_FILE_TYPE', 'Only JPEG, PNG, WebP and GIF images can be uploaded.', 'file')
  }
  await assertUploadQuota(deps.db, ownerId, file.data.length, deps.bytesPerDay)
  const id = crypto.randomUUID()
  const row: repo.UploadRow = {
    id,
    owner_id: ownerId,
    content_type: image.contentType,
    size: file.data.length,
    width: image.width,
    height: image.height,
    filename: sanitizeFilename(file.filename, image.contentType),
    sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
    storage_key: `${id.slice(0, 2)}/${id}`,
    created_at: new Date().toISOString(),
    moderation: 'pass',
    moderation_trace_id: null,
  }
  await deps.storage.save(row.storage_key, file.data)
  try {
    await repo.insertUpload(deps.db, row)
  } catch (err) {
    await deps.storage.remove(row.storage_key)
    throw err
  }
  return toDto(deps, row)
}

/** Row → API shape, with a signed link. */
export async function toDto(deps: UploadsDeps, row: repo.UploadRow): Promise<Upload> {
  return {
    id: row.id,
    contentType: row.content_type as UploadContentType,
    size: row.size,
    width: row.width,
    height: row.height,
    filename: row.filename,
    url: await deps.links.pathFor(row.id),
    createdAt: row.created_at,
  }
}

/**
 * The file for its owner, an agent, or a holder of a valid signed link; 404 for everyone else.
 * An image WeChat found risky is refused to all but its owner (451 IMAGE_BLOCKED).
 */
export async function openUpload(
  deps: UploadsDeps,
  id: string,
  viewer: SessionUser | null,
  link: { exp?: number; sig?: string },
): Promise<{ row: repo.UploadRow; stream: Readable }> {
  const row = await repo.findUpload(deps.db, id)
  const allowed = row && (viewer?.role === 'agent' || viewer?.id === row.owner_id || (await deps.links.verify(id, link.exp, link.sig)))
  const stream = allowed ? await deps.storage.open(row.storage_key) : null
  if (!row || !stream) throw new HttpError(404, 'UPLOAD_NOT_FOUND', 'No such upload.')
  if (row.moderation === 'risky' && (viewer?.id !== row.owner_id || viewer.role !== 'shopper')) {
    stream.destroy()
    throw new HttpError(451, 'IMAGE_BLOCKED', 'This image did not pass WeChat’s content security check.')
  }
  return { row, stream }
}

/** `inline` with an ASCII fallback name and the UTF-8 original, so no header can be injected. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}
