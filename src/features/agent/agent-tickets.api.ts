import type { AgentReplyBody, AgentTicketDetail, AgentTicketPage, Revealed, TicketChanges, TransitionBody } from '@shared/ticket'
import { POLL_WAIT_SECONDS } from '@shared/chat-data'
import type { ServiceTypeId } from '@shared/catalog-data'
import type { TicketStatusFilter } from '@shared/ticket-data'
import { request } from '@/lib/http'

const ticket = (id: string) => `/api/agent/tickets/${encodeURIComponent(id)}`

/** The ticket list filters the workspace offers. */
export interface TicketFilter {
  status?: TicketStatusFilter
  serviceType?: ServiceTypeId
  overdue?: boolean
  escalated?: boolean
}

/** One page of tickets matching the filter. */
export function fetchTickets(filter: TicketFilter, cursor?: string | null): Promise<AgentTicketPage> {
  return request<AgentTicketPage>('/api/agent/tickets', {
    scope: 'agent',
    query: {
      status: filter.status,
      serviceType: filter.serviceType,
      overdue: filter.overdue ? true : undefined,
      escalated: filter.escalated ? true : undefined,
      cursor,
      limit: 30,
    },
  })
}

/** A ticket with its whole timeline, internal notes included. */
export function fetchTicket(id: string): Promise<AgentTicketDetail> {
  return request<AgentTicketDetail>(ticket(id), { scope: 'agent' })
}

/** Moves the ticket through the status machine; 409 when the move is not allowed now. */
export function transitionTicket(id: string, body: TransitionBody): Promise<unknown> {
  return request<unknown>(`${ticket(id)}/transition`, { method: 'POST', scope: 'agent', data: body })
}

/** A reply to the shopper, or an internal note other agents see. */
export function replyTicket(id: string, body: AgentReplyBody): Promise<unknown> {
  return request<unknown>(`${ticket(id)}/replies`, { method: 'POST', scope: 'agent', data: body })
}

/** One contact detail in full; the server records that this agent looked. */
export function revealTicketContact(id: string, field: 'phone' | 'email'): Promise<Revealed> {
  return request<Revealed>(`${ticket(id)}/reveal`, { method: 'POST', scope: 'agent', data: { field } })
}

/** Held until any ticket changes (or `wait` seconds pass); pass the last token back. */
export function waitTicketChanges(token: string | null): Promise<TicketChanges> {
  return request<TicketChanges>('/api/agent/tickets/changes', {
    scope: 'agent',
    query: { token, wait: token ? POLL_WAIT_SECONDS : 0 },
    timeout: (POLL_WAIT_SECONDS + 10) * 1000,
  })
}
