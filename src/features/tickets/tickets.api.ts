import type { Catalog } from '@shared/catalog'
import type { NotificationEvent, Subscriptions } from '@shared/notification'
import type { Order, OrderList } from '@shared/order'
import type { CreateTicketBody, RatingBody, ReplyBody, Ticket, TicketDetail, TicketGroup, TicketPage } from '@shared/ticket'
import type { Upload } from '@shared/upload'
import { request, upload } from '@/lib/http'

/** Creates a ticket; the same key always yields the same ticket (double taps, retries after a timeout). */
export function createTicket(body: CreateTicketBody, idempotencyKey: string): Promise<Ticket> {
  return request<Ticket>('/api/tickets', { method: 'POST', data: body, headers: { 'Idempotency-Key': idempotencyKey }, timeout: 20_000 })
}

/** One page of the shopper's tickets in a tab. */
export function listTickets(group: TicketGroup, cursor?: string | null): Promise<TicketPage> {
  return request<TicketPage>('/api/tickets', { query: { group, cursor, limit: 20 } })
}

/** A ticket with its timeline. */
export function getTicket(id: string): Promise<TicketDetail> {
  return request<TicketDetail>(`/api/tickets/${encodeURIComponent(id)}`)
}

const action = (id: string, name: string, data?: unknown, method: 'POST' | 'PUT' = 'POST') =>
  request<TicketDetail>(`/api/tickets/${encodeURIComponent(id)}/${name}`, { method, data: data ?? {} })

/** 补充说明: text and/or images. */
export const replyToTicket = (id: string, body: ReplyBody) => action(id, 'replies', body)
/** 已解决: the shopper confirms the resolution. */
export const confirmTicket = (id: string) => action(id, 'confirm')
/** 未解决: reopens with a reason. */
export const reopenTicket = (id: string, reason: string) => action(id, 'reopen', { reason })
/** 评价: first rating (POST) or an edit within the window (PUT). */
export const rateTicket = (id: string, body: RatingBody, edit: boolean) => action(id, 'rating', body, edit ? 'PUT' : 'POST')
/** 投诉: escalates with a reason. */
export const escalateTicket = (id: string, reason: string) => action(id, 'escalate', { reason })

/** The shopper's recent orders, most recently paid first. */
export async function listOrders(): Promise<Order[]> {
  return (await request<OrderList>('/api/orders')).items
}

/** The service catalog as the server serves it (subscribe template ids live here). */
export function getCatalog(): Promise<Catalog> {
  return request<Catalog>('/api/catalog')
}

/** Uploads one picked image; `onProgress` gets 0–100. */
export function uploadEvidence(filePath: string, onProgress?: (p: number) => void): Promise<Upload> {
  return upload<Upload>('/api/uploads', filePath, onProgress)
}

/** Subscribe-message templates and how many messages each still allows. */
export function getSubscriptions(): Promise<Subscriptions> {
  return request<Subscriptions>('/api/subscriptions')
}

/** Records the templates the shopper accepted in wx.requestSubscribeMessage. */
export function saveSubscriptions(templateIds: string[]): Promise<Subscriptions> {
  return request<Subscriptions>('/api/subscriptions', { method: 'POST', data: { templateIds } })
}

/** Links the shopper's chat to this ticket so the agent sees it; the chat tab opens either way. */
export function linkChatToTicket(ticketId: string): Promise<unknown> {
  return request('/api/chat/link', { method: 'POST', data: { ticketId } })
}

/** Templates to ask for before submit, with what is left; falls back to the catalog's ids when grants are unknown. */
export async function loadSubscribeTemplates(): Promise<Subscriptions['templates']> {
  try {
    return (await getSubscriptions()).templates
  } catch {
    const { subscribeTemplates } = await getCatalog()
    return (Object.entries(subscribeTemplates) as [NotificationEvent, string][]).map(([event, templateId]) => ({
      event,
      templateId,
      remaining: 0,
    }))
  }
}
