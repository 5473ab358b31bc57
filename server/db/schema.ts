import type { ColumnType } from 'kysely'
import type { NotificationOutboxTable, SubscriptionGrantsTable } from '../features/notifications/notifications.tables'
import type { UploadBlobsTable, UploadsTable } from '../features/uploads/uploads.tables'
import type { TicketComplaintsTable, TicketEventsTable, TicketIdempotencyTable, TicketsTable } from '../features/tickets/tickets.tables'
import type { ChatTables } from '../features/chat/chat.tables'
import type { OrderActionsTable } from '../features/orders/order-actions.tables'

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
  /** SHA-256 of a guest's current device secret. */
  device_secret_hash: ColumnType<string | null, string | null | undefined, string | null>
  /** The secret before the last rotation, accepted until the new one is used (its answer may have been lost). */
  device_secret_prev_hash: ColumnType<string | null, string | null | undefined, string | null>
  last_seen_at: ColumnType<string | null, string | null | undefined, string | null>
}

export interface SignInAttemptsTable {
  id: string
  username: string
  address: string
  outcome: 'ok' | 'failed' | 'locked'
  created_at: string
}

export interface SessionsTable {
  token_hash: string
  user_id: string
  expires_at: string
  revoked_at: string | null
  created_at: string
}

export interface DataRevealsTable {
  id: string
  agent_id: string
  subject: 'ticket'
  subject_id: string
  field: string
  created_at: string
}

export interface DB extends ChatTables {
  app_meta: AppMetaTable
  users: UsersTable
  sessions: SessionsTable
  sign_in_attempts: SignInAttemptsTable
  data_reveals: DataRevealsTable
  uploads: UploadsTable
  upload_blobs: UploadBlobsTable
  notification_outbox: NotificationOutboxTable
  subscription_grants: SubscriptionGrantsTable
  tickets: TicketsTable
  ticket_events: TicketEventsTable
  ticket_idempotency: TicketIdempotencyTable
  ticket_complaints: TicketComplaintsTable
  order_actions: OrderActionsTable
}
