/**
 * Cases: one short case number (KF-7Q3M-2H) shared by a conversation and every ticket it leads
 * to, quoted on the hotline, in WeChat service and in email, so an agent finds the whole history.
 */
import { Type, type Static } from 'typebox'
import { AgentConversationSchema, ChatCustomerSchema } from './chat'
import { ORDER_ACTION_KINDS } from './order-action-data'
import { TICKET_CHANNELS } from './ticket-data'

export const CaseParamsSchema = Type.Object({
  caseNo: Type.String({ maxLength: 16, description: 'e.g. KF-7Q3M-2H (case and dashes optional)' }),
})

export const CaseSearchQuerySchema = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 32, description: 'A case number, an order number or a contact phone' }),
})

export const CaseTicketSchema = Type.Object({
  id: Type.String(),
  ticketNo: Type.String(),
  status: Type.String(),
  serviceType: Type.String(),
  subtype: Type.String(),
  channel: Type.Enum(TICKET_CHANNELS),
  orderNo: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
})

export const CaseNotificationSchema = Type.Object({
  id: Type.String(),
  ticketId: Type.String(),
  event: Type.String(),
  channel: Type.String(),
  status: Type.String(),
  title: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
})

/** A self-service action the shopper confirmed in one of the case's conversations. */
export const CaseActionSchema = Type.Object({
  id: Type.String({ description: 'The chat message that reported the result' }),
  conversationId: Type.String(),
  kind: Type.Enum(ORDER_ACTION_KINDS),
  orderNo: Type.String(),
  text: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
})
export type CaseAction = Static<typeof CaseActionSchema>

/** Everything under one case number, newest first in each list. */
export const CaseSchema = Type.Object({
  caseNo: Type.String(),
  shopper: Type.Union([ChatCustomerSchema, Type.Null()]),
  conversations: Type.Array(AgentConversationSchema),
  tickets: Type.Array(CaseTicketSchema),
  notifications: Type.Array(CaseNotificationSchema),
  actions: Type.Array(CaseActionSchema),
})
export type Case = Static<typeof CaseSchema>

export const CaseSummarySchema = Type.Object({
  caseNo: Type.String(),
  shopperName: Type.Union([Type.String(), Type.Null()]),
  conversations: Type.Integer({ minimum: 0 }),
  tickets: Type.Integer({ minimum: 0 }),
})
export type CaseSummary = Static<typeof CaseSummarySchema>

export const CaseSearchResultSchema = Type.Object({ items: Type.Array(CaseSummarySchema) })
export type CaseSearchResult = Static<typeof CaseSearchResultSchema>
