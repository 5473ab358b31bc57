import { Type } from 'typebox'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ChatMessageSchema,
  ChatPollSchema,
  ConversationListSchema,
  ConversationSchema,
  HandoffBodySchema,
  LangQuerySchema,
  LinkBodySchema,
  MessagesQuerySchema,
  RatingBodySchema,
  ReadBodySchema,
  SendMessageBodySchema,
} from '../../../types/chat'
import { OrderActionBodySchema, OrderActionResultSchema } from '../../../types/order-action'
import { errorResponses } from '../../plugins/schemas'
import { forViewer, requestLocale } from '../../lib/locale'
import { confirmAction } from './chat.actions'
import type { ChatDeps } from './chat.deps'
import * as chat from './shopper.service'
import { langOfLocale, type ChatLang } from './chat.texts'

const tags = ['chat']

/** Reply language: ?lang= when given, else the viewer's locale from Accept-Language. */
function langOf(req: FastifyRequest, explicit?: ChatLang): ChatLang {
  return explicit ?? langOfLocale(requestLocale(req))
}

function author(req: FastifyRequest) {
  return { id: req.user!.id, role: 'shopper' as const, displayName: req.user!.displayName }
}

/** The shopper's chat: one open conversation with the bot, then an agent. */
const shopperRoutes: FastifyPluginAsyncTypebox<{ deps: ChatDeps }> = async (app, { deps }) => {
  app.addHook('onRequest', app.requireShopper)

  app.get('/api/chat', {
    schema: {
      tags,
      summary: 'The current conversation (opens one with the bot when none is open)',
      querystring: LangQuerySchema,
      response: { 200: ConversationSchema, ...errorResponses(401, 403) },
    },
    handler: (req) => chat.currentConversation(forViewer(deps, req), req.user!.id, langOf(req, req.query.lang)),
  })

  app.post('/api/chat/messages', {
    schema: {
      tags,
      summary: 'Send a message (idempotent by clientMsgId)',
      body: SendMessageBodySchema,
      response: { 200: ChatMessageSchema, ...errorResponses(400, 401, 403, 409) },
    },
    handler: (req) => chat.sendMessage(forViewer(deps, req), author(req), req.body, langOf(req)),
  })

  app.post('/api/chat/actions', {
    schema: {
      tags,
      summary: 'Confirm a self-service action card (urge, refund, change address, cancel, track, invoice); idempotent by idempotencyKey',
      body: OrderActionBodySchema,
      response: {
        200: Type.Object({ result: OrderActionResultSchema, replayed: Type.Boolean() }),
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    },
    handler: async (req) => confirmAction(forViewer(deps, req), req.user!.id, req.body),
  })

  app.get('/api/chat/messages', {
    schema: {
      tags,
      summary: 'Long-poll new messages (after, version, wait) or page history (before)',
      querystring: MessagesQuerySchema,
      response: { 200: ChatPollSchema, ...errorResponses(400, 401, 403, 404) },
    },
    handler: (req, reply) => chat.pollMine(forViewer(deps, req), req, reply, req.user!.id, req.query),
  })

  app.post('/api/chat/read', {
    schema: {
      tags,
      summary: 'Mark messages up to seq as read',
      body: ReadBodySchema,
      response: { 200: ConversationSchema, ...errorResponses(400, 401, 403, 404) },
    },
    handler: (req) => chat.readUpTo(forViewer(deps, req), req.user!.id, req.body),
  })

  app.post('/api/chat/typing', {
    schema: {
      tags,
      summary: 'Show the agent that the shopper is typing (a few seconds)',
      response: { 204: Type.Null(), ...errorResponses(401, 403) },
    },
    handler: async (req, reply) => {
      await chat.typing(deps, req.user!.id)
      return reply.status(204).send(null)
    },
  })

  app.post('/api/chat/handoff', {
    schema: {
      tags,
      summary: 'Ask for a human agent (转人工)',
      body: Type.Optional(HandoffBodySchema),
      response: { 200: ConversationSchema, ...errorResponses(400, 401, 403, 409) },
    },
    handler: (req) => chat.handoff(forViewer(deps, req), req.user!.id, req.body ?? {}, langOf(req)),
  })

  app.post('/api/chat/end', {
    schema: { tags, summary: 'End the open conversation', response: { 200: ConversationSchema, ...errorResponses(401, 403, 409) } },
    handler: (req) => chat.end(forViewer(deps, req), req.user!.id),
  })

  app.post('/api/chat/rating', {
    schema: {
      tags,
      summary: 'Rate the bot or the agent of a conversation (once per target)',
      body: RatingBodySchema,
      response: { 200: ConversationSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: (req) => chat.rateConversation(forViewer(deps, req), req.user!.id, req.body),
  })

  app.get('/api/chat/conversations', {
    schema: {
      tags,
      summary: 'My conversations, newest first (read one with GET /api/chat/messages?conversationId=)',
      response: { 200: ConversationListSchema, ...errorResponses(401, 403) },
    },
    handler: (req) => chat.myConversations(forViewer(deps, req), req.user!.id),
  })

  app.post('/api/chat/link', {
    schema: {
      tags,
      summary: 'Link the open conversation to an order or a ticket',
      body: LinkBodySchema,
      response: { 200: ConversationSchema, ...errorResponses(400, 401, 403) },
    },
    handler: (req) => chat.link(forViewer(deps, req), req.user!.id, req.body, langOf(req)),
  })
}

export default shopperRoutes
