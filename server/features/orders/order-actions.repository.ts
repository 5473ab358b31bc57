import type { Database } from '../../db/database'
import type { OrderActionsTable } from './order-actions.tables'

/** The action a shopper confirmed with this idempotency key, if any. */
export function findByKey(db: Database, userId: string, key: string): Promise<OrderActionsTable | undefined> {
  return db.selectFrom('order_actions').selectAll().where('user_id', '=', userId).where('idempotency_key', '=', key).executeTakeFirst()
}

/** Every action on one of the shopper's orders, oldest first. */
export function listForOrder(db: Database, userId: string, orderNo: string): Promise<OrderActionsTable[]> {
  return db
    .selectFrom('order_actions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('order_no', '=', orderNo)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/** Record a performed action. */
export async function insertAction(db: Database, row: OrderActionsTable): Promise<void> {
  await db.insertInto('order_actions').values(row).execute()
}

/** Store the outcome of a claimed action. */
export async function saveResult(db: Database, id: string, resultJson: string): Promise<void> {
  await db.updateTable('order_actions').set({ result_json: resultJson }).where('id', '=', id).execute()
}

/** Release a claim whose action failed, so a retry can try again. */
export async function deleteAction(db: Database, id: string): Promise<void> {
  await db.deleteFrom('order_actions').where('id', '=', id).execute()
}
