import type { NotificationChannel, NotificationEvent, NotificationStatus } from '../../../types/notification'

/**
 * One message of one event on one channel. `next_attempt_at` is when a pending row is due,
 * and while a row is `sending` it is the end of the sender's lease.
 */
export interface NotificationOutboxTable {
  id: string
  event_id: string
  user_id: string
  ticket_id: string
  event: NotificationEvent
  title: string
  body: string
  contact_email: string | null
  contact_phone: string | null
  channel: NotificationChannel
  status: NotificationStatus
  attempts: number
  next_attempt_at: string
  last_error: string | null
  created_at: string
  delivered_at: string | null
}

/** WeChat one-time subscriptions: each acceptance of a template allows one message. */
export interface SubscriptionGrantsTable {
  user_id: string
  template_id: string
  remaining: number
  updated_at: string
}
