import crypto from 'node:crypto'
import type { AgentConversation, AgentInbox, CustomerPanel, Queue, QueueItem } from '../../../types/chat'
import type { ServiceTypeId } from '../../../types/catalog-data'
import { HttpError } from '../../plugins/errors'
import { maskText } from '../../lib/masking'
import { toAgentConversation } from './chat.mapping'
import type { ChatDeps } from './chat.deps'
import * as repo from './chat.repository'
import * as queue from './queue.repository'
import { findCustomerOrders, findCustomerTickets } from './customer.source'
import { readableShopperName } from '../auth/display-name'

function decodeCursor(cursor: string | undefined): queue.QueueCursor | null {
  if (!cursor) return null
  try {
    const [queuedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[]
    if (typeof queuedAt === 'string' && typeof id === 'string') return { queuedAt, id }
  } catch {
    // Falls through to the 400 below.
  }
  throw new HttpError(400, 'BAD_CURSOR', 'querystring.cursor: not a cursor from this list.', 'querystring.cursor')
}

function encodeCursor(c: { queued_at: string | null; created_at: string; id: string }): string {
  return Buffer.from(JSON.stringify([c.queued_at ?? c.created_at, c.id])).toString('base64url')
}

const waitOf = (now: Date, at: string) => Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / 1000))

/**
 * One page of waiting conversations, longest wait first, each with its place in its service
 * type's queue; the per-type counts cover the whole queue.
 */
export async function buildQueue(deps: ChatDeps, now = new Date(), page: { limit?: number; cursor?: string } = {}): Promise<Queue> {
  const limit = page.limit ?? 50
  const after = decodeCursor(page.cursor)
  const [rows, totals, before] = await Promise.all([
    queue.listQueued(deps.db, limit + 1, after),
    queue.countQueuedByServiceType(deps.db),
    after ? queue.countQueuedByServiceType(deps.db, after) : Promise.resolve([]),
  ])
  const seen = new Map<string | null, number>(before.map((b) => [b.service_type, Number(b.n)]))
  const items: QueueItem[] = []
  for (const c of rows.slice(0, limit)) {
    const position = (seen.get(c.service_type) ?? 0) + 1
    seen.set(c.service_type, position)
    const [shopper, last] = await Promise.all([repo.findUserName(deps.db, c.shopper_id), repo.lastMessageFrom(deps.db, c.id, ['shopper'])])
    const queuedAt = c.queued_at ?? c.created_at
    items.push({
      conversationId: c.id,
      serviceType: c.service_type as ServiceTypeId | null,
      position,
      queuedAt,
      waitSeconds: waitOf(now, queuedAt),
      shopper: { id: c.shopper_id, displayName: readableShopperName(shopper?.display_name, c.shopper_id) },
      handoffReason: c.handoff_reason,
      orderNo: c.order_no,
      preview: last?.text ? maskText(Array.from(last.text).slice(0, 80).join('')) : null,
      channel: c.channel ?? 'app',
    })
  }
  const oldestFirst = [...totals].sort((a, b) => String(a.oldest ?? '').localeCompare(String(b.oldest ?? '')))
  const byServiceType = oldestFirst.map((t) => ({
    serviceType: t.service_type as ServiceTypeId | null,
    count: Number(t.n),
    longestWaitSeconds: t.oldest ? waitOf(now, String(t.oldest)) : 0,
  }))
  const nextCursor = rows.length > limit ? encodeCursor(rows[limit - 1]) : null
  return { items, byServiceType, nextCursor }
}

/** An agent's conversations (mine = assigned to them) in the given state, most recent first. */
export async function listForAgent(
  deps: ChatDeps,
  agentId: string,
  mine: boolean,
  status: 'assigned' | 'ended',
  limit = 50,
): Promise<AgentConversation[]> {
  const rows = await queue.listAgentConversations(deps.db, { agentId: mine ? agentId : null, status, limit })
  return Promise.all(rows.map((r) => toAgentConversation(deps, r)))
}

/** The queue and my conversations, with a token that changes whenever either does. */
export async function inbox(deps: ChatDeps, agentId: string): Promise<AgentInbox> {
  const [queue, mine] = await Promise.all([buildQueue(deps), listForAgent(deps, agentId, true, 'assigned')])
  // Wait times tick every second and are left out; everything a client acts on is in.
  const fingerprint = JSON.stringify([
    queue.items.map((i) => [i.conversationId, i.position, i.serviceType]),
    mine.map((c) => [c.id, c.version, c.unreadCount]),
  ])
  const token = crypto.createHash('sha256').update(fingerprint).digest('base64url').slice(0, 32)
  return { token, queue, mine }
}

/** Holds until the inbox differs from `token` or `wait` seconds pass. */
export async function waitInbox(
  deps: ChatDeps,
  agentId: string,
  token: string | undefined,
  waitSeconds: number,
  signal: AbortSignal,
): Promise<AgentInbox> {
  const deadline = Date.now() + waitSeconds * 1000
  for (;;) {
    const watch = deps.bus.watch('*')
    try {
      const current = await inbox(deps, agentId)
      const remaining = deadline - Date.now()
      if (current.token !== token || remaining <= 0 || signal.aborted || deps.bus.isClosing) return current
      await watch.wait(remaining, signal)
    } finally {
      watch.cancel()
    }
  }
}

/** The shopper beside the chat: who they are, recent orders and tickets, past conversations. */
export async function customerPanel(deps: ChatDeps, conversationId: string): Promise<CustomerPanel> {
  const conv = await repo.findConversation(deps.db, conversationId)
  if (!conv) throw new HttpError(404, 'CONVERSATION_NOT_FOUND', 'No such conversation.')
  const [user, orders, tickets, count] = await Promise.all([
    repo.findUserName(deps.db, conv.shopper_id),
    findCustomerOrders(deps.db, conv.shopper_id),
    findCustomerTickets(deps.db, conv.shopper_id),
    queue.countConversationsOf(deps.db, conv.shopper_id),
  ])
  return {
    shopper: {
      id: conv.shopper_id,
      displayName: readableShopperName(user?.display_name, conv.shopper_id),
      since: user?.created_at ?? conv.created_at,
    },
    orders,
    tickets,
    pastConversations: Math.max(0, count - 1),
    linkedOrderNo: conv.order_no,
    linkedTicketId: conv.ticket_id,
  }
}
