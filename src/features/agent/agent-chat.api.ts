import type {
  AgentConversation,
  AgentConversationList,
  AgentInbox,
  AgentList,
  AgentPoll,
  ChatMessage,
  CustomerPanel,
  Queue,
  SendMessageBody,
  TransferBody,
} from '@shared/chat'
import { POLL_WAIT_SECONDS } from '@shared/chat-data'
import type { OnRequestTask, PollQuery } from '@/lib/conversation'
import { request, upload } from '@/lib/http'

const conv = (id: string) => `/api/agent/conversations/${encodeURIComponent(id)}`
// The client waits a little longer than the server holds a long-poll before giving up.
const POLL_TIMEOUT_MS = (POLL_WAIT_SECONDS + 10) * 1000

/** Waiting conversations, longest wait first, with counts per service type. */
export function fetchQueue(): Promise<Queue> {
  return request<Queue>('/api/agent/queue', { scope: 'agent' })
}

/** Queue + my conversations; with a token, held until something changes. */
export function pollInbox(token: string | null, wait = POLL_WAIT_SECONDS): Promise<AgentInbox> {
  return request<AgentInbox>('/api/agent/inbox', {
    scope: 'agent',
    query: { token, wait: token ? wait : 0 },
    timeout: POLL_TIMEOUT_MS,
  })
}

/** Conversations assigned to me (or, with status ended, the ones I finished). */
export function fetchMine(status: 'assigned' | 'ended' = 'assigned'): Promise<AgentConversationList> {
  return request<AgentConversationList>('/api/agent/conversations', { scope: 'agent', query: { mine: '1', status } })
}

/** Takes a queued conversation; 409 when another agent was faster. */
export function claimConversation(id: string): Promise<AgentConversation> {
  return request<AgentConversation>(`${conv(id)}/claim`, { method: 'POST', scope: 'agent', data: {} })
}

/** Messages after or before a seq (held up to `wait` s when nothing is new) and the conversation state. */
export function pollMessages(id: string, q: Omit<PollQuery, 'conversationId'>, onTask?: OnRequestTask): Promise<AgentPoll> {
  return request<AgentPoll>(`${conv(id)}/messages`, {
    scope: 'agent',
    query: { ...q },
    timeout: q.wait ? POLL_TIMEOUT_MS : 15_000,
    onTask,
  })
}

/** Sends as the agent; the same clientMsgId again returns the stored message. */
export function sendMessage(id: string, body: SendMessageBody): Promise<ChatMessage> {
  return request<ChatMessage>(`${conv(id)}/messages`, { method: 'POST', scope: 'agent', data: body })
}

/** Marks the shopper's messages read up to `seq`. */
export function markRead(id: string, seq: number): Promise<unknown> {
  return request<unknown>(`${conv(id)}/read`, { method: 'POST', scope: 'agent', data: { seq } })
}

/** Shows the shopper that the agent is typing (the server lets it expire by itself). */
export function sendTyping(id: string): Promise<unknown> {
  return request<unknown>(`${conv(id)}/typing`, { method: 'POST', scope: 'agent', data: {} })
}

/** Hands the conversation to another agent, or back to a queue. */
export function transferConversation(id: string, body: TransferBody): Promise<AgentConversation> {
  return request<AgentConversation>(`${conv(id)}/transfer`, { method: 'POST', scope: 'agent', data: body })
}

/** Ends the conversation; the shopper is asked to rate it. */
export function endConversation(id: string): Promise<AgentConversation> {
  return request<AgentConversation>(`${conv(id)}/end`, { method: 'POST', scope: 'agent', data: {} })
}

/** Other agents, for the transfer picker. */
export function fetchAgents(): Promise<AgentList> {
  return request<AgentList>('/api/agent/agents', { scope: 'agent' })
}

/** The shopper's recent orders and tickets, shown beside the chat. */
export function fetchCustomerPanel(id: string): Promise<CustomerPanel> {
  return request<CustomerPanel>(`${conv(id)}/customer`, { scope: 'agent' })
}

/** Uploads an image the agent picked. */
export function uploadImage(filePath: string, onProgress?: (p: number) => void): Promise<{ id: string; url?: string }> {
  return upload<{ id: string; url?: string }>('/api/uploads', filePath, onProgress, 'agent')
}
