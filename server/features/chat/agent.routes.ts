import { Type } from 'typebox'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AgentConversationListSchema,
  AgentConversationSchema,
  AgentConversationsQuerySchema,
  AgentInboxQuerySchema,
  AgentInboxSchema,
  AgentListSchema,
  AgentQueueQuerySchema,
  AgentPollSchema,
  ChatMessageSchema,
  ConversationIdParamsSchema,
  CustomerPanelSchema,
  MessagesQuerySchema,
  QueueSchema,
  ReadBodySchema,
  SendMessageBodySchema,
  TransferBodySchema,
} from '../../../types/chat'
import { errorResponses } from '../../plugins/schemas'
import { forViewer } from '../../lib/locale'
import * as agents from './agent.service'
import { buildQueue, customerPanel, listForAgent, waitInbox } from './agent.inbox'
import type { ChatDeps } from './chat.deps'
import { longPoll } from './chat.long-poll'
import { MAX_WAIT_SECONDS } from './chat.poll'

const tags = ['agent']
const params = ConversationIdParamsSchema

function me(req: FastifyRequest) {
  return { id: req.user!.id, role: 'agent' as const, displayName: req.user!.displayName }
}

/** The agent workspace: queue, claim, chat, transfer, end, the customer beside the chat. */
const agentRoutes: FastifyPluginAsyncTypebox<{ deps: ChatDeps }> = async (app, { deps }) => {
  app.addHook('onRequest', app.requireAgent)

  app.get('/api/agent/queue', {
    schema: {
      tags,
      summary: 'Conversations waiting for an agent, longest wait first (paged by cursor)',
      querystring: AgentQueueQuerySchema,
      response: { 200: QueueSchema, ...errorResponses(400, 401, 403) },
    },
    handler: (req) => buildQueue(forViewer(deps, req), new Date(), req.query),
  })

  app.get('/api/agent/inbox', {
    schema: {
      tags,
      summary: 'Long-poll the queue and my conversations (token, wait)',
      querystring: AgentInboxQuerySchema,
      response: { 200: AgentInboxSchema, ...errorResponses(400, 401, 403) },
    },
    handler: async (req, reply) => {
      const wait = Math.min(req.query.wait ?? 0, MAX_WAIT_SECONDS)
      await agents.markSeen(deps, req.user!.id)
      return longPoll(req, reply, deps.bus, (signal) => waitInbox(forViewer(deps, req), req.user!.id, req.query.token, wait, signal))
    },
  })

  app.get('/api/agent/agents', {
    schema: {
      tags,
      summary: 'Agents to transfer to, with their open conversations',
      response: { 200: AgentListSchema, ...errorResponses(401, 403) },
    },
    handler: async () => ({ items: await agents.listColleagues(deps) }),
  })

  app.get('/api/agent/conversations', {
    schema: {
      tags,
      summary: 'My active conversations (mine=1, status=assigned by default)',
      querystring: AgentConversationsQuerySchema,
      response: { 200: AgentConversationListSchema, ...errorResponses(400, 401, 403) },
    },
    handler: async (req) => ({
      items: await listForAgent(
        forViewer(deps, req),
        req.user!.id,
        req.query.mine !== '0',
        req.query.status ?? 'assigned',
        req.query.limit,
      ),
    }),
  })

  app.get('/api/agent/conversations/:id', {
    schema: { tags, summary: 'One conversation', params, response: { 200: AgentConversationSchema, ...errorResponses(401, 403, 404) } },
    handler: (req) => agents.view(forViewer(deps, req), req.params.id),
  })

  app.post('/api/agent/conversations/:id/claim', {
    schema: {
      tags,
      summary: 'Take a queued conversation (one agent wins a race)',
      params,
      response: { 200: AgentConversationSchema, ...errorResponses(401, 403, 404, 409) },
    },
    handler: (req) => agents.claim(forViewer(deps, req), me(req), req.params.id),
  })

  app.get('/api/agent/conversations/:id/messages', {
    schema: {
      tags,
      summary: 'Long-poll or page a conversation',
      params,
      querystring: MessagesQuerySchema,
      response: { 200: AgentPollSchema, ...errorResponses(400, 401, 403, 404) },
    },
    handler: (req, reply) => agents.pollConversation(forViewer(deps, req), req, reply, req.params.id, req.query),
  })

  app.post('/api/agent/conversations/:id/messages', {
    schema: {
      tags,
      summary: 'Reply (idempotent by clientMsgId; assignee only)',
      params,
      body: SendMessageBodySchema,
      response: { 200: ChatMessageSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: (req) => agents.sendAsAgent(forViewer(deps, req), me(req), req.params.id, req.body),
  })

  app.post('/api/agent/conversations/:id/read', {
    schema: {
      tags,
      summary: 'Mark the shopper’s messages up to seq as read',
      params,
      body: ReadBodySchema,
      response: { 200: AgentConversationSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: (req) => agents.readUpTo(forViewer(deps, req), req.user!.id, req.params.id, req.body.seq),
  })

  app.post('/api/agent/conversations/:id/typing', {
    schema: {
      tags,
      summary: 'Show the shopper that the agent is typing',
      params,
      response: { 204: Type.Null(), ...errorResponses(401, 403, 404, 409) },
    },
    handler: async (req, reply) => {
      await agents.typing(deps, req.user!.id, req.params.id)
      return reply.status(204).send(null)
    },
  })

  app.post('/api/agent/conversations/:id/transfer', {
    schema: {
      tags,
      summary: 'Transfer to another agent, or back to the queue',
      params,
      body: TransferBodySchema,
      response: { 200: AgentConversationSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: (req) => agents.transfer(forViewer(deps, req), me(req), req.params.id, req.body),
  })

  app.post('/api/agent/conversations/:id/end', {
    schema: {
      tags,
      summary: 'End the conversation (the shopper is asked to rate)',
      params,
      response: { 200: AgentConversationSchema, ...errorResponses(401, 403, 404, 409) },
    },
    handler: (req) => agents.endByAgent(forViewer(deps, req), me(req), req.params.id),
  })

  app.get('/api/agent/conversations/:id/customer', {
    schema: {
      tags,
      summary: 'The shopper beside the chat: recent orders and tickets',
      params,
      response: { 200: CustomerPanelSchema, ...errorResponses(401, 403, 404) },
    },
    handler: (req) => customerPanel(forViewer(deps, req), req.params.id),
  })
}

export default agentRoutes
