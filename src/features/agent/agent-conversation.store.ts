/**
 * The conversation open in the workspace: the one conversation client (src/lib/conversation)
 * on the agent's endpoints, with a persisted outbox so a reply on a flaky network is not lost.
 */
import type { AgentConversation } from '@shared/chat'
import { createConversationStore, type ConversationApi } from '@/lib/conversation'
import { markRead, pollMessages, sendMessage, uploadImage } from './agent-chat.api'

/** Persisted under this key: the agent's outbox and drafts per conversation. */
export const AGENT_CHAT_STORAGE_KEY = 'sd.agent.chat'

const agentApi: ConversationApi<AgentConversation> = {
  poll: ({ conversationId, ...q }, onTask) => pollMessages(conversationId ?? '', q, onTask),
  send: (body, conversationId) => sendMessage(conversationId ?? '', body),
  upload: (path, onProgress) => uploadImage(path, onProgress),
  markRead: (seq, conversationId) => markRead(conversationId, seq),
}

/** Builds an agent's conversation client (the workspace has one; tests make fresh ones). */
export function createAgentConversation(api: ConversationApi<AgentConversation> = agentApi) {
  return createConversationStore<AgentConversation>({ viewer: 'agent', api, persist: { key: AGENT_CHAT_STORAGE_KEY } })
}

export const agentConversation = createAgentConversation()
export const useConversationStore = agentConversation.useStore
