import type { Database } from '../../db/database'

/** True when the shopper has a conversation or a ticket under this case number. */
export async function shopperHasCase(db: Database, userId: string, caseNo: string): Promise<boolean> {
  const [conv, ticket] = await Promise.all([
    db.selectFrom('chat_conversations').select('id').where('case_no', '=', caseNo).where('shopper_id', '=', userId).executeTakeFirst(),
    db.selectFrom('tickets').select('id').where('case_no', '=', caseNo).where('user_id', '=', userId).executeTakeFirst(),
  ])
  return Boolean(conv ?? ticket)
}

/** The shopper's newest ticket under this case number, if any. */
export async function shopperTicketOfCase(db: Database, userId: string, caseNo: string): Promise<string | null> {
  const row = await db
    .selectFrom('tickets')
    .select('id')
    .where('case_no', '=', caseNo)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  return row?.id ?? null
}

/** Conversations of a case, newest first. */
export function conversationsOfCase(db: Database, caseNo: string) {
  return db.selectFrom('chat_conversations').selectAll().where('case_no', '=', caseNo).orderBy('created_at', 'desc').limit(50).execute()
}

/** Ids of tickets of a case, newest first. */
export async function ticketIdsOfCase(db: Database, caseNo: string): Promise<string[]> {
  const rows = await db.selectFrom('tickets').select('id').where('case_no', '=', caseNo).orderBy('created_at', 'desc').limit(50).execute()
  return rows.map((r) => r.id)
}

/** Notifications sent about the case's tickets, newest first. */
export function notificationsOfTickets(db: Database, ticketIds: string[]) {
  if (ticketIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('notification_outbox')
    .select(['id', 'ticket_id', 'event', 'channel', 'status', 'title', 'created_at'])
    .where('ticket_id', 'in', ticketIds)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute()
}

/** Case numbers matching an order number or a phone, newest activity first. */
export async function findCases(db: Database, term: string): Promise<string[]> {
  const [convs, tickets] = await Promise.all([
    db
      .selectFrom('chat_conversations')
      .select(['case_no', 'created_at'])
      .where('order_no', '=', term)
      .where('case_no', 'is not', null)
      .orderBy('created_at', 'desc')
      .limit(20)
      .execute(),
    db
      .selectFrom('tickets')
      .select(['case_no', 'created_at'])
      .where((eb) => eb.or([eb('order_no', '=', term), eb('contact_phone', '=', term)]))
      .where('case_no', 'is not', null)
      .orderBy('created_at', 'desc')
      .limit(20)
      .execute(),
  ])
  const ordered = [...convs, ...tickets].sort((a, b) => b.created_at.localeCompare(a.created_at))
  return [...new Set(ordered.map((r) => r.case_no!))]
}

/** Bot messages reporting a self-service action's result in these conversations, newest first. */
export function actionMessagesOf(db: Database, conversationIds: string[]) {
  if (conversationIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('chat_messages')
    .select(['id', 'conversation_id', 'text', 'meta_json', 'created_at'])
    .where('conversation_id', 'in', conversationIds)
    .where('sender', '=', 'bot')
    .where('meta_json', 'like', '%"actionResult"%')
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute()
}
