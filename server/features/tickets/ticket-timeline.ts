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

interface ActionMessageRow {
  id: string
  text: string | null
  meta_json: string | null
  created_at: string
}

function hasActionResult(metaJson: string | null): boolean {
  if (!metaJson) return false
  try {
    const meta = JSON.parse(metaJson) as { actionResult?: unknown }
    return typeof meta.actionResult === 'object' && meta.actionResult !== null
  } catch {
    return false
  }
}

function toSelfServiceEvent(row: ActionMessageRow): TimelineEvent {
  return {
    id: row.id,
    type: 'self_service',
    actor: { role: 'shopper', name: '顾客' },
    text: row.text,
    attachments: [],
    fromStatus: null,
    toStatus: null,
    internal: false,
    createdAt: row.created_at,
  }
}

/**
 * Self-service actions the ticket's shopper confirmed in a conversation linked to this ticket,
 * as the conversation showed them. Read from the chat's own messages, so nothing is copied.
 */
async function selfServiceEvents(db: Database, ticketId: string): Promise<TimelineEvent[]> {
  const rows = await db
    .selectFrom('chat_messages as m')
    .innerJoin('chat_conversations as c', 'c.id', 'm.conversation_id')
    .innerJoin('tickets as t', (j) => j.onRef('t.id', '=', 'c.ticket_id').onRef('t.user_id', '=', 'c.shopper_id'))
    .select(['m.id', 'm.text', 'm.meta_json', 'm.created_at'])
    .where('t.id', '=', ticketId)
    .where('m.sender', '=', 'bot')
    .where('m.meta_json', 'like', '%"actionResult"%')
    .orderBy('m.created_at')
    .execute()
  return rows.filter((r) => hasActionResult(r.meta_json)).map(toSelfServiceEvent)
}

/**
 * Adds what happened outside the ticket to its timeline: delivered notifications (when and how we
 * told the shopper) and self-service actions confirmed in a linked chat.
 */
export async function withNotifications(db: Database, ticketId: string, events: TimelineEvent[]): Promise<TimelineEvent[]> {
  const [{ items }, actions] = await Promise.all([
    listOutbox(db, { ticketId, status: 'sent', limit: 100 }),
    selfServiceEvents(db, ticketId),
  ])
  if (items.length === 0 && actions.length === 0) return events
  return [...events, ...actions, ...items.map(toNotifiedEvent)].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}
