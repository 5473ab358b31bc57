import type { Database } from '../../db/database'
import type { NotificationStatus } from '../../../types/notification'
import type { OutboxRow } from './notifications.repository'

/** Pending rows that are due, and `sending` rows whose sender's lease ran out. */
export function findDue(db: Database, now: string, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('notification_outbox')
    .selectAll()
    .where('status', 'in', ['pending', 'sending'])
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute()
}

/**
 * Takes a row for one sender: only the update that still sees the row as it was read wins, so
 * two workers (or two instances) never send the same row. The lease ends at `leaseUntil`.
 */
export async function claim(db: Database, row: OutboxRow, leaseUntil: string): Promise<boolean> {
  const res = await db
    .updateTable('notification_outbox')
    .set({ status: 'sending', attempts: row.attempts + 1, next_attempt_at: leaseUntil })
    .where('id', '=', row.id)
    .where('status', '=', row.status)
    .where('attempts', '=', row.attempts)
    .where('next_attempt_at', '=', row.next_attempt_at)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Ends a claimed row: sent, or a final status with the reason. */
export async function finish(db: Database, id: string, status: NotificationStatus, now: string, error: string | null): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({ status, last_error: error, delivered_at: status === 'sent' ? now : null, next_attempt_at: now })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute()
}

/** Puts a claimed row back in the queue for another try at `at`. */
export async function retryLater(db: Database, id: string, at: string, error: string): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({ status: 'pending', next_attempt_at: at, last_error: error })
    .where('id', '=', id)
    .where('status', '=', 'sending')
    .execute()
}

/**
 * A row still `sending` after its lease: its sender stopped between claiming and recording the
 * result, so the provider may already have it. It is closed as unconfirmed, never sent again.
 */
export async function abandon(db: Database, row: OutboxRow, now: string): Promise<boolean> {
  const res = await db
    .updateTable('notification_outbox')
    .set({
      status: 'unconfirmed',
      next_attempt_at: now,
      last_error: 'delivery was interrupted; not sent again so the shopper never gets it twice',
    })
    .where('id', '=', row.id)
    .where('status', '=', 'sending')
    .where('next_attempt_at', '=', row.next_attempt_at)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}
