import type { Static } from 'typebox'
import type { CustomerOrderSchema, CustomerTicketSchema } from '../../../types/chat'
import type { Database } from '../../db/database'

type CustomerOrder = Static<typeof CustomerOrderSchema>
type CustomerTicket = Static<typeof CustomerTicketSchema>

/** The shopper's recent orders for the agent's side panel. */
export async function findCustomerOrders(_db: Database, _shopperId: string): Promise<CustomerOrder[]> {
  return []
}

/** The shopper's recent tickets for the agent's side panel. */
export async function findCustomerTickets(_db: Database, _shopperId: string): Promise<CustomerTicket[]> {
  return []
}
