import type { Attachment, TimelineEvent } from '../../../types/ticket'
import type { Database } from '../../db/database'
import { UploadLinks } from '../uploads/upload-links'
import { findBlocked } from '../uploads/uploads.repository'

interface WithAttachments {
  attachments: Attachment[]
  timeline?: TimelineEvent[]
}

/**
 * Replaces attachment URLs with signed links, so the app can show them in <Image src> and the
 * shopper can open files the agent attached (which are not the shopper's own uploads).
 */
export function attachmentSigner(db: Database) {
  const links = new UploadLinks(db)
  const signAll = async (list: Attachment[]) => {
    const blocked = await findBlocked(db, [...new Set(list.map((a) => a.uploadId))])
    return Promise.all(
      list.map(async (a) => ({ ...a, url: await links.pathFor(a.uploadId), ...(blocked.has(a.uploadId) ? { blocked: true } : {}) })),
    )
  }
  const one = async <T extends WithAttachments>(t: T): Promise<T> => {
    const signed: T = { ...t, attachments: await signAll(t.attachments) }
    if (t.timeline) signed.timeline = await Promise.all(t.timeline.map(async (e) => ({ ...e, attachments: await signAll(e.attachments) })))
    return signed
  }
  const page = async <P extends { items: WithAttachments[] }>(p: P): Promise<P> => ({ ...p, items: await Promise.all(p.items.map(one)) })
  return { one, page }
}
