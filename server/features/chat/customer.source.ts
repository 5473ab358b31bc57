import type { Static } from 'typebox'
import { getSubtype } from '../../../types/catalog-data'
import type { CustomerOrderSchema, CustomerTicketSchema, OrderCard } from '../../../types/chat'
import type { Order } from '../../../types/order'
import type { Database } from '../../db/database'
import { listOrdersFor } from '../orders/orders.service'
import { findTicket, listRecentTicketsOf } from '../tickets/tickets.repository'

type CustomerOrder = Static<typeof CustomerOrderSchema>
type CustomerTicket = Static<typeof CustomerTicketSchema>

const RECENT = 10

function titleOf(order: Order): string {
  const first = order.items[0]?.name ?? order.orderNo
  return order.items.length > 1 ? `${first} 等${order.items.length}件` : first
}

/** The shopper's recent orders for the agent's side panel, newest first. */
export async function findCustomerOrders(_db: Database, shopperId: string): Promise<CustomerOrder[]> {
  const orders = await listOrdersFor(shopperId)
  return orders
    .slice(0, RECENT)
    .map((o) => ({ orderNo: o.orderNo, title: titleOf(o), status: o.status, amountCents: o.amount.fen, placedAt: o.paidAt }))
}

/** The card kept with an order message: what the order looked like when it was sent. */
export async function orderCardFor(shopperId: string, orderNo: string): Promise<OrderCard> {
  const order = (await listOrdersFor(shopperId)).find((o) => o.orderNo === orderNo)
  if (!order) return { orderNo }
  return { orderNo, title: titleOf(order), status: order.status, amountCents: order.amount.fen, placedAt: order.paidAt }
}

/** The shopper's recent tickets for the agent's side panel, newest first. */
export async function findCustomerTickets(db: Database, shopperId: string): Promise<CustomerTicket[]> {
  const rows = await listRecentTicketsOf(db, shopperId, RECENT)
  return rows.map((t) => ({
    id: t.id,
    ticketNo: t.ticket_no,
    serviceType: t.service_type,
    subtype: t.subtype,
    status: t.status,
    title: getSubtype(t.subtype)?.zh ?? t.subtype,
    createdAt: t.created_at,
  }))
}

/** True when the ticket exists and belongs to the shopper. */
export async function ownsTicket(db: Database, shopperId: string, ticketId: string): Promise<boolean> {
  return Boolean(await findTicket(db, ticketId, shopperId))
}
