import type { Case, CaseAction, CaseSummary } from '../../../types/case'
import { ORDER_ACTION_KINDS } from '../../../types/order-action-data'
import { normalizeCaseNo } from '../../../types/chat-data'
import { HttpError } from '../../plugins/errors'
import { readableShopperName } from '../auth/display-name'
import { toAgentConversation, type MapDeps } from '../chat/chat.mapping'
import { findTicket } from '../tickets/tickets.repository'
import * as repo from './cases.repository'

type ActionMessage = Awaited<ReturnType<typeof repo.actionMessagesOf>>[number]

/** The action a result message reports, or null for a message whose meta does not name one. */
function toCaseAction(row: ActionMessage): CaseAction | null {
  try {
    const result = (JSON.parse(row.meta_json ?? 'null') as { actionResult?: { kind?: unknown; orderNo?: unknown } } | null)?.actionResult
    const kind = ORDER_ACTION_KINDS.find((k) => k === result?.kind)
    if (!kind || typeof result?.orderNo !== 'string') return null
    return { id: row.id, conversationId: row.conversation_id, kind, orderNo: result.orderNo, text: row.text, createdAt: row.created_at }
  } catch {
    return null
  }
}

function notFound(): HttpError {
  return new HttpError(404, 'CASE_NOT_FOUND', 'No conversation or ticket has this case number.')
}

/** The conversations, tickets, notifications and self-service actions under one case number (any spelling of it). */
export async function getCase(deps: MapDeps, typed: string): Promise<Case> {
  const caseNo = normalizeCaseNo(typed)
  if (!caseNo) throw new HttpError(400, 'BAD_CASE_NO', 'params.caseNo: a case number looks like KF-7Q3M-2H.', 'params.caseNo')
  const [convRows, ticketIds] = await Promise.all([repo.conversationsOfCase(deps.db, caseNo), repo.ticketIdsOfCase(deps.db, caseNo)])
  if (convRows.length === 0 && ticketIds.length === 0) throw notFound()
  const [conversations, ticketRows, notes, actionRows] = await Promise.all([
    Promise.all(convRows.map((c) => toAgentConversation(deps, c))),
    Promise.all(ticketIds.map((id) => findTicket(deps.db, id))),
    repo.notificationsOfTickets(deps.db, ticketIds),
    repo.actionMessagesOf(
      deps.db,
      convRows.map((c) => c.id),
    ),
  ])
  const tickets = ticketRows.filter((t) => t !== undefined)
  const firstTicket = tickets[0]
  const shopper =
    conversations[0]?.shopper ??
    (firstTicket ? { id: firstTicket.user_id, displayName: readableShopperName(firstTicket.shopper_name, firstTicket.user_id) } : null)
  return {
    caseNo,
    shopper,
    conversations,
    tickets: tickets.map((t) => ({
      id: t.id,
      ticketNo: t.ticket_no,
      status: t.status,
      serviceType: t.service_type,
      subtype: t.subtype,
      channel: t.channel,
      orderNo: t.order_no,
      createdAt: t.created_at,
    })),
    notifications: notes.map((n) => ({
      id: n.id,
      ticketId: n.ticket_id,
      event: n.event,
      channel: n.channel,
      status: n.status,
      title: n.title,
      createdAt: n.created_at,
    })),
    actions: actionRows.map(toCaseAction).filter((a) => a !== null),
  }
}

/** Cases found by a case number, an order number or a contact phone. */
export async function searchCases(deps: MapDeps, q: string): Promise<CaseSummary[]> {
  const typed = normalizeCaseNo(q)
  const caseNos = typed ? [typed] : await repo.findCases(deps.db, q.trim())
  const found = await Promise.all(
    caseNos.slice(0, 20).map(async (caseNo) => {
      try {
        const c = await getCase(deps, caseNo)
        return { caseNo, shopperName: c.shopper?.displayName ?? null, conversations: c.conversations.length, tickets: c.tickets.length }
      } catch (err) {
        if (err instanceof HttpError && err.statusCode === 404) return null
        throw err
      }
    }),
  )
  return found.filter((c) => c !== null)
}
