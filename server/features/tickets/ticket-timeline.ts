import type { NotificationChannel } from '../../../types/notification'
import type { TimelineEvent } from '../../../types/ticket'
import type { Database } from '../../db/database'
import { listOutbox, type OutboxRow } from '../notifications/notifications.repository'

const CHANNEL_NAMES: Record<NotificationChannel, string> = { wechat: '微信服务通知', email: '邮件', sms: '短信' }

function toNotifiedEvent(row: OutboxRow): TimelineEvent {
  return {
    id: row.id,
    type: 'notified',
    actor: { role: 'system', name: '系统' },
    text: `已通过${CHANNEL_NAMES[row.channel]}发送：${row.title}`,
    attachments: [],
    fromStatus: null,
    toStatus: null,
    internal: false,
    createdAt: row.delivered_at ?? row.created_at,
  }
}

/** Adds the ticket's delivered notifications to its timeline, so the shopper sees when and how we told them. */
export async function withNotifications(db: Database, ticketId: string, events: TimelineEvent[]): Promise<TimelineEvent[]> {
  const { items } = await listOutbox(db, { ticketId, status: 'sent', limit: 100 })
  if (items.length === 0) return events
  return [...events, ...items.map(toNotifiedEvent)].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}
