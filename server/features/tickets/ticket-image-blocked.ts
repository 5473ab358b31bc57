import type { Database } from '../../db/database'
import { SYSTEM, event, withLockedTicket } from './ticket-core'
import * as repo from './tickets.repository'

const NOTICE = '您上传的一张图片未通过微信内容安全检查，客服看不到它。您可以回复时换一张重新上传。'

/**
 * Puts one system entry on the timeline of every ticket where a now-blocked image was attached
 * (at submission or in a reply), so the shopper learns why and can send another picture.
 */
export async function noteBlockedEvidence(db: Database, uploadId: string): Promise<void> {
  // Upload ids are UUIDs, so the quoted id cannot match anything but itself in the JSON lists.
  const needle = `%"uploadId":"${uploadId}"%`
  const [submitted, replied] = await Promise.all([
    db.selectFrom('tickets').select('id').where('attachments', 'like', needle).execute(),
    db.selectFrom('ticket_events').select('ticket_id as id').where('attachments', 'like', needle).execute(),
  ])
  for (const id of new Set([...submitted, ...replied].map((r) => r.id))) {
    await withLockedTicket(db, id, undefined, async (trx) => {
      await repo.appendEvents(trx, id, [event(SYSTEM, new Date().toISOString(), 'image_blocked', { text: NOTICE })])
    })
  }
}
