import type { NotificationOutboxTable, SubscriptionGrantsTable } from '../features/notifications/notifications.tables'
import type { UploadsTable } from '../features/uploads/uploads.tables'
import type { TicketComplaintsTable, TicketEventsTable, TicketIdempotencyTable, TicketsTable } from '../features/tickets/tickets.tables'
import type { ChatTables } from '../features/chat/chat.tables'

/**
 * Table types for Kysely, snake_case as stored. Each feature adds its tables here and a
 * migration in ./migrations; timestamps are ISO-8601 strings so both dialects agree.
 */
export interface AppMetaTable {
  key: string
  value: string
}

export interface UsersTable {
  id: string
  role: 'shopper' | 'agent'
  display_name: string
  openid: string | null
  device_id: string | null
  username: string | null
  password_hash: string | null
  created_at: string
  /** Agents: when the workspace last asked for the inbox (migration 2026-12-01-051). */
  last_seen_at?: string | null
}

export interface SessionsTable {
  token_hash: string
  user_id: string
  expires_at: string
  revoked_at: string | null
  created_at: string
}

export interface DB extends ChatTables {
  app_meta: AppMetaTable
  users: UsersTable
  sessions: SessionsTable
  uploads: UploadsTable
  notification_outbox: NotificationOutboxTable
  subscription_grants: SubscriptionGrantsTable
  tickets: TicketsTable
  ticket_events: TicketEventsTable
  ticket_idempotency: TicketIdempotencyTable
  ticket_complaints: TicketComplaintsTable
}
