import { request } from '@/lib/http'
import { getLang } from '@/lib/i18n'
import type { FaqCategory, FaqList } from '@shared/help'
import type { CreateTicketBody, Ticket, TicketPage } from '@shared/ticket'
import type { Order, OrderList } from '@shared/order'
import { getSubtype } from '@shared/catalog-data'
import type { EmailForm } from './help.helpers'

/** FAQ entries of one category, or ranked search results when `q` is given. */
export function fetchFaq(params: { serviceType?: FaqCategory; q?: string }): Promise<FaqList> {
  return request<FaqList>('/api/help/faq', { query: { ...params, lang: getLang() } })
}

/** Files the email form as a ticket whose replies go to the given address. */
export function fileEmailTicket(form: EmailForm, idempotencyKey: string, caseNo?: string | null): Promise<Ticket> {
  const subtype = getSubtype(form.subtype)!
  const body: CreateTicketBody = {
    serviceType: subtype.serviceType,
    subtype: subtype.id,
    description: form.description,
    attachments: [],
    contact: { email: form.email },
    channel: 'email',
    ...(caseNo ? { caseNo } : {}),
    ...(form.orderNo ? { orderNo: form.orderNo } : {}),
    ...(form.productName ? { productName: form.productName } : {}),
  }
  return request<Ticket>('/api/tickets', { method: 'POST', data: body, headers: { 'idempotency-key': idempotencyKey } })
}

/** How many of the shopper's tickets are still open ("50+" is shown as 50). */
export async function countOpenTickets(): Promise<number> {
  const page = await request<TicketPage>('/api/tickets', { query: { status: 'open', limit: 50 } })
  return page.items.length
}

/** The shopper's recent orders, newest first (for attaching one to WeChat service). */
export async function fetchRecentOrders(): Promise<Order[]> {
  return (await request<OrderList>('/api/orders')).items
}
