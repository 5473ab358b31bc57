import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AgentConversation, ChatMessage, MessagesQuery, SendMessageBody, TransferBody } from '../../../types/chat'
import { HttpError } from '../../plugins/errors'
import { queuePatch } from './chat.bot-turn'
import { endChange, markRead, markTyping, touchQueue } from './chat.lifecycle'
import { toAgentConversation, toMessages } from './chat.mapping'
import { pollMessages } from './chat.long-poll'
import type { ChatDeps } from './chat.deps'
import { mutate } from './chat.mutate'
import * as repo from './chat.repository'
import * as queue from './queue.repository'
import { draftFrom, sendOnce, type Author } from './chat.send'
import type { ConversationRow } from './chat.tables'
import { eventText, langOf } from './chat.texts'

/** Any conversation, for an agent to read (agents see every conversation). */
export async function agentConversation(deps: ChatDeps, id: string): Promise<ConversationRow> {
  const conv = await repo.findConversation(deps.db, id)
  if (!conv) throw new HttpError(404, 'CONVERSATION_NOT_FOUND', 'No such conversation.')
  return conv
}

/** Refuses unless the agent holds this open conversation. */
export function assertAssignee(conv: ConversationRow, agentId: string): void {
  if (conv.status === 'ended') throw new HttpError(409, 'CONVERSATION_ENDED', 'This chat has ended.')
  if (conv.status !== 'assigned' || conv.agent_id !== agentId) {
    throw new HttpError(403, 'NOT_ASSIGNED', 'Claim this chat before acting on it.')
  }
}

/** Takes a queued conversation; of several agents racing, exactly one wins. */
export async function claim(deps: ChatDeps, agent: Author, id: string): Promise<AgentConversation> {
  let serviceType: string | null = null
  const applied = await mutate(deps, id, (c, now) => {
    if (c.status !== 'queued') {
      const taken = c.status === 'assigned' ? 'Another agent already took this chat.' : 'This chat is not waiting in the queue.'
      throw new HttpError(409, c.status === 'assigned' ? 'ALREADY_CLAIMED' : 'NOT_QUEUED', taken)
    }
    serviceType = c.service_type
    const event = { type: 'assigned' as const, agentName: agent.displayName }
    return {
      patch: { status: 'assigned', agent_id: agent.id, had_agent: 1, assigned_at: now, agent_read_seq: c.last_seq },
      messages: [{ sender: 'system', kind: 'event', event, text: eventText(event, langOf(c.lang)) }],
    }
  })
  await touchQueue(deps, serviceType)
  return toAgentConversation(deps, applied!.conv)
}

/** How long after its last inbox request an agent's workspace counts as open. */
export const PRESENCE_MS = 90_000

/** Colleagues with their open conversations and whether they are there to take one. */
export async function listColleagues(deps: ChatDeps, now = new Date()) {
  const rows = await queue.listAgentsWithLoad(deps.db)
  return rows.map((a) => ({
    id: a.id,
    displayName: a.display_name,
    activeConversations: Number(a.n),
    online: Boolean(a.signed_in) && !!a.last_seen_at && now.getTime() - Date.parse(a.last_seen_at) < PRESENCE_MS,
  }))
}

/** Hands the conversation to another agent, or back to the queue (keeping its place). */
export async function transfer(deps: ChatDeps, agent: Author, id: string, body: TransferBody): Promise<AgentConversation> {
  const target = body.agentId ? await repo.findUserName(deps.db, body.agentId) : undefined
  if (body.agentId && (!target || target.role !== 'agent')) {
    throw new HttpError(400, 'AGENT_NOT_FOUND', 'body.agentId: no such agent.', 'body.agentId')
  }
  if (body.agentId === agent.id) throw new HttpError(400, 'SAME_AGENT', 'body.agentId: this chat is already yours.', 'body.agentId')
  if (target && !(await listColleagues(deps)).some((a) => a.id === target.id && a.online)) {
    throw new HttpError(409, 'AGENT_OFFLINE', 'body.agentId: this colleague is not signed in now; pick another or a queue.', 'body.agentId')
  }
  const applied = await mutate(deps, id, (c, now) => {
    assertAssignee(c, agent.id)
    const lang = langOf(c.lang)
    if (target) {
      const event = { type: 'transferred' as const, agentName: target.display_name }
      return {
        patch: { agent_id: target.id, assigned_at: now, agent_typing_until: null },
        messages: [{ sender: 'system', kind: 'event', event, text: eventText(event, lang) }],
      }
    }
    const serviceType = body.serviceType ?? c.service_type
    const event = { type: 'requeued' as const, serviceType: serviceType as never }
    return {
      patch: {
        ...queuePatch(c.queued_at ?? now, c.handoff_reason ?? 'handoff.transfer'),
        service_type: serviceType,
        agent_typing_until: null,
      },
      messages: [{ sender: 'system', kind: 'event', event, text: eventText(event, lang) }],
    }
  })
  if (!target) await touchQueue(deps, applied!.conv.service_type)
  return toAgentConversation(deps, applied!.conv)
}

/** The assigned agent ends the conversation; the shopper is asked to rate it. */
export async function endByAgent(deps: ChatDeps, agent: Author, id: string): Promise<AgentConversation> {
  const applied = await mutate(deps, id, (c, now) => {
    assertAssignee(c, agent.id)
    return endChange(c, 'agent', now)
  })
  return toAgentConversation(deps, applied!.conv)
}

/** Stores an agent's message once per clientMsgId; only the assignee may post. */
export async function sendAsAgent(deps: ChatDeps, agent: Author, id: string, body: SendMessageBody): Promise<ChatMessage> {
  if (body.faqId !== undefined) throw new HttpError(400, 'FAQ_NOT_ALLOWED', 'body.faqId: only shoppers tap quick replies.', 'body.faqId')
  const conv = await agentConversation(deps, id)
  const draft = await draftFrom(deps.db, agent, body, conv.shopper_id)
  // A retry of a stored reply is answered as before, even once the window has closed.
  const retry = await repo.findMessageBySender(deps.db, agent.id, body.clientMsgId)
  if (!retry) await deps.wechat?.assertCanReply(conv)
  const [message] = await toMessages(deps, [await sendOnce(deps, conv.id, agent, draft, (c) => assertAssignee(c, agent.id))])
  deps.wechat?.kick()
  return message
}

/** One conversation as the agent workspace shows it. */
export async function view(deps: ChatDeps, id: string): Promise<AgentConversation> {
  return toAgentConversation(deps, await agentConversation(deps, id))
}

/** Long-polls new messages of a conversation, or pages its history. */
export async function pollConversation(deps: ChatDeps, req: FastifyRequest, reply: FastifyReply, id: string, query: MessagesQuery) {
  const conv = await agentConversation(deps, id)
  return pollMessages(deps, req, reply, query, conv.id, 'agent', (row) => toAgentConversation(deps, row))
}

/** The assignee moves their read mark over the shopper's messages. */
export async function readUpTo(deps: ChatDeps, agentId: string, id: string, seq: number): Promise<AgentConversation> {
  assertAssignee(await agentConversation(deps, id), agentId)
  return toAgentConversation(deps, await markRead(deps, id, 'agent', seq))
}

/** The assignee's typing indicator, shown to the shopper. */
export async function typing(deps: ChatDeps, agentId: string, id: string): Promise<void> {
  const conv = await agentConversation(deps, id)
  assertAssignee(conv, agentId)
  await markTyping(deps, id, 'agent')
  await deps.wechat?.typing(conv)
}

/** An open workspace asks for its inbox at least every wait seconds: that is presence. */
export function markSeen(deps: ChatDeps, agentId: string, now = new Date()): Promise<void> {
  return queue.markAgentSeen(deps.db, agentId, now)
}
