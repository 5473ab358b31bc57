import type { NotificationEvent, OutboxItem, OutboxPage, OutboxQuery, Subscriptions } from '../../../types/notification'
import { NOTIFICATION_EVENTS } from '../../../types/notification'
import type { Database } from '../../db/database'
import { HttpError } from '../../plugins/errors'
import * as grants from './grants.repository'
import { listOutbox, type OutboxRow } from './notifications.repository'

type Templates = Record<NotificationEvent, string>

/** The configured templates with how many messages each still allows this shopper. */
export async function subscriptionsOf(db: Database, templates: Templates, userId: string): Promise<Subscriptions> {
  const left = await grants.listGrants(db, userId)
  return {
    templates: NOTIFICATION_EVENTS.map((event) => ({ event, templateId: templates[event], remaining: left.get(templates[event]) ?? 0 })),
  }
}

/** Records templates the shopper accepted in wx.requestSubscribeMessage: one message each. */
export async function recordAccepted(db: Database, templates: Templates, userId: string, templateIds: string[]): Promise<Subscriptions> {
  const known = new Set(Object.values(templates))
  const unknown = templateIds.findIndex((id) => !known.has(id))
  if (unknown >= 0) {
    throw new HttpError(
      400,
      'UNKNOWN_TEMPLATE',
      `"${templateIds[unknown]}" is not one of our subscribe templates.`,
      `body.templateIds.${unknown}`,
      { params: { templateId: templateIds[unknown] } },
    )
  }
  await grants.addGrants(db, userId, templateIds, new Date().toISOString())
  return subscriptionsOf(db, templates, userId)
}

function toItem(row: OutboxRow): OutboxItem {
  return {
    id: row.id,
    eventId: row.event_id,
    userId: row.user_id,
    ticketId: row.ticket_id,
    event: row.event,
    channel: row.channel,
    status: row.status,
    title: row.title,
    body: row.body,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  }
}

/** One page of the outbox for the agent workspace. */
export async function outboxPage(db: Database, query: OutboxQuery): Promise<OutboxPage> {
  const page = await listOutbox(db, query)
  return { items: page.items.map(toItem), nextCursor: page.nextCursor }
}
