import { configure, fireEvent, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AgentConversation, ChatMessage } from '@shared/chat'
import type { AgentTicketDetail } from '@shared/ticket'
import { setSession } from '@/lib/session'

export const AGENT_ID = 'agent-1'

// Stencil's custom elements render slowly in jsdom on a busy machine: wait longer than RTL's 1 s.
configure({ asyncUtilTimeout: 5000 })
jest.setTimeout(20_000)

/** Signs a test agent in (agent scope only). */
export function signInAgent(): void {
  setSession(
    {
      token: 'agent-token',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      user: { id: AGENT_ID, role: 'agent', displayName: '小艾' },
    },
    'agent',
  )
}

type Handler = (req: { url: string; method: string; data: unknown; header: Record<string, string> }) => unknown
export interface Call {
  method: string
  path: string
  data: unknown
  header: Record<string, string>
}

/**
 * Scripts Taro.request by "METHOD /path" (path without query); a handler returns the body,
 * or `{ status, body }` via reply(). Unknown routes answer 404. Returns the recorded calls.
 */
export function routeRequests(routes: Record<string, Handler>): Call[] {
  const calls: Call[] = []
  ;(Taro.request as unknown as jest.Mock).mockImplementation(
    async (opts: { url: string; method?: string; data?: unknown; header?: Record<string, string> }) => {
      const method = opts.method ?? 'GET'
      const path = opts.url.split('?')[0]
      const header = opts.header ?? {}
      calls.push({ method, path, data: opts.data, header })
      const handler = routes[`${method} ${path}`]
      if (!handler) return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: `no route ${method} ${path}` } } }
      const out = await handler({ url: opts.url, method, data: opts.data, header })
      if (out && typeof out === 'object' && 'status' in out && 'body' in out) {
        const r = out as { status: number; body: unknown }
        return { statusCode: r.status, data: r.body }
      }
      return { statusCode: 200, data: out }
    },
  )
  return calls
}

/** A `{ status, body }` answer for routeRequests. */
export const reply = (status: number, body: unknown) => ({ status, body })

/** A promise that never settles: a long-poll the server is still holding. */
export const held = () => new Promise<never>(() => undefined)

export function message(seq: number, patch: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    clientMsgId: null,
    sender: 'shopper',
    senderName: null,
    kind: 'text',
    text: `message ${seq}`,
    uploadId: null,
    imageUrl: null,
    orderNo: null,
    order: null,
    meta: null,
    event: null,
    system: null,
    createdAt: new Date(Date.now() - (100 - seq) * 1000).toISOString(),
    ...patch,
  }
}

export function conversation(patch: Partial<AgentConversation> = {}): AgentConversation {
  return {
    id: 'c1',
    status: 'assigned',
    serviceType: 'payment',
    agentName: '小艾',
    queuePosition: null,
    unreadCount: 0,
    lastSeq: 0,
    version: 1,
    shopperReadSeq: 0,
    agentReadSeq: 0,
    orderNo: null,
    ticketId: null,
    endedBy: null,
    rating: { pending: [], requested: false, given: [] },
    createdAt: new Date().toISOString(),
    queuedAt: new Date().toISOString(),
    endedAt: null,
    caseNo: 'KF-7Q3M-2H',
    shopper: { id: 'shopper-1', displayName: '顾客 8F3A' },
    agentId: AGENT_ID,
    handoffReason: 'handoff.request',
    lastMessage: null,
    assignedAt: new Date().toISOString(),
    ...patch,
  }
}

export function ticketDetail(patch: Partial<AgentTicketDetail> = {}): AgentTicketDetail {
  const now = Date.now()
  return {
    id: '11111111-1111-4111-8111-111111111111',
    ticketNo: 'T20261126000001',
    caseNo: 'KF-7Q3M-2H',
    serviceType: 'product',
    subtype: 'damaged',
    orderNo: '202611260000000001',
    productName: '陶瓷马克杯',
    purchasedAt: null,
    description: '收到的杯子碎了',
    outcome: 'refund',
    contact: {},
    channel: 'app',
    attachments: [],
    status: 'in_progress',
    group: 'active',
    priority: 'normal',
    escalated: false,
    escalatedAt: null,
    reopenCount: 0,
    resolutionSummary: null,
    rating: null,
    createdAt: new Date(now - 3_600_000).toISOString(),
    updatedAt: new Date(now - 1_800_000).toISOString(),
    firstResponseDueAt: new Date(now + 20 * 3_600_000).toISOString(),
    resolutionDueAt: new Date(now + 70 * 3_600_000).toISOString(),
    firstRespondedAt: new Date(now - 1_800_000).toISOString(),
    resolvedAt: null,
    closedAt: null,
    autoCloseAt: null,
    slaPaused: false,
    overdue: false,
    actions: { reply: true, confirm: false, reopen: false, rate: false, editRating: false, escalate: false },
    shopper: { id: '22222222-2222-4222-8222-222222222222', displayName: '顾客 8F3A' },
    assignee: { id: '33333333-3333-4333-8333-333333333333', displayName: '小艾' },
    complaint: null,
    timeline: [
      {
        id: '44444444-4444-4444-8444-444444444444',
        type: 'created',
        actor: { role: 'shopper', name: '顾客 8F3A' },
        text: '收到的杯子碎了',
        attachments: [],
        fromStatus: null,
        toStatus: 'submitted',
        internal: false,
        createdAt: new Date(now - 3_600_000).toISOString(),
      },
    ],
    ...patch,
  }
}

/** Types into a Taro Input/Textarea found by its aria-label (they emit `input` with detail.value). */
export function typeInto(label: string, value: string): void {
  fireEvent(screen.getByLabelText(label), new CustomEvent('input', { detail: { value }, bubbles: true }))
}
