import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AgentReplyBodySchema,
  AgentTicketDetailSchema,
  AgentTicketListQuerySchema,
  AgentTicketPageSchema,
  RevealBodySchema,
  RevealedSchema,
  TicketChangesQuerySchema,
  TicketChangesSchema,
  TicketParamsSchema,
  TicketStatsQuerySchema,
  TicketStatsSchema,
  TransitionBodySchema,
} from '../../../types/ticket'
import { errorResponses } from '../../plugins/schemas'
import * as agent from './agent-tickets.service'
import { announceTicketChanges, nextTicketChange, ticketWaitsClosing } from './ticket-changes'
import { attachmentSigner } from './ticket-links'
import { ticketsToken } from './tickets.repository'
import { ticketStats } from './ticket-stats.service'

const tags = ['agent']

/** The agents' side of tickets: queue, detail with internal notes, status moves, replies, stats. */
const agentTicketsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app
  const settings = app.config.tickets
  const sign = attachmentSigner(db)
  app.addHook('onRequest', app.requireAgent)
  announceTicketChanges(app)

  app.get('/api/agent/tickets/changes', {
    schema: {
      tags,
      summary: 'Long-poll: returns a new token as soon as any ticket changes (token, wait)',
      querystring: TicketChangesQuerySchema,
      response: { 200: TicketChangesSchema, ...errorResponses(400, 401, 403) },
    },
    handler: async (req, reply) => {
      const deadline = Date.now() + (req.query.wait ?? 0) * 1000
      const ac = new AbortController()
      const onClose = () => !reply.raw.writableEnded && ac.abort()
      req.raw.on('close', onClose)
      try {
        for (;;) {
          const token = await ticketsToken(db)
          const remaining = deadline - Date.now()
          if (token !== req.query.token || remaining <= 0 || ac.signal.aborted || ticketWaitsClosing(db)) return { token }
          // Changes made on another instance are seen within a few seconds.
          await nextTicketChange(db, Math.min(remaining, 5000), ac.signal)
        }
      } finally {
        req.raw.off('close', onClose)
      }
    },
  })

  app.get('/api/agent/tickets', {
    schema: {
      tags,
      summary: 'Ticket queue, newest first (status, serviceType, overdue, escalated filters; cursor pagination)',
      querystring: AgentTicketListQuerySchema,
      response: { 200: AgentTicketPageSchema, ...errorResponses(400, 401, 403) },
    },
    handler: async (req) => sign.page(await agent.listAgentTickets(db, settings, req.query)),
  })
  app.get('/api/agent/tickets/stats', {
    schema: {
      tags,
      summary: 'Counts by status, overdue, escalated, average rating, first-response and resolution times',
      querystring: TicketStatsQuerySchema,
      response: { 200: TicketStatsSchema, ...errorResponses(400, 401, 403) },
    },
    handler: (req) => ticketStats(db, req.query.since),
  })
  app.get('/api/agent/tickets/:id', {
    schema: {
      tags,
      summary: 'A ticket with its full timeline (internal notes included)',
      params: TicketParamsSchema,
      response: { 200: AgentTicketDetailSchema, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (req) => sign.one(await agent.getAgentTicket(db, settings, req.params.id)),
  })
  app.post('/api/agent/tickets/:id/reveal', {
    schema: {
      tags,
      summary: 'Show one contact detail in full (recorded, with the agent and time)',
      params: TicketParamsSchema,
      body: RevealBodySchema,
      response: { 200: RevealedSchema, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (req) => {
      const revealed = await agent.revealContact(db, req.user!, req.params.id, req.body.field)
      req.log.info({ agentId: req.user!.id, ticketId: req.params.id, field: req.body.field }, 'agent revealed a contact detail')
      return revealed
    },
  })
  app.post('/api/agent/tickets/:id/transition', {
    schema: {
      tags,
      summary: 'Accept, ask the shopper, resume or resolve (illegal moves are 409 ILLEGAL_TRANSITION)',
      params: TicketParamsSchema,
      body: TransitionBodySchema,
      response: { 200: AgentTicketDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (req) => sign.one(await agent.transitionTicket(db, settings, req.user!, req.params.id, req.body)),
  })
  app.post('/api/agent/tickets/:id/replies', {
    schema: {
      tags,
      summary: 'Reply to the shopper, or add an internal note (internal: true) shoppers never see',
      params: TicketParamsSchema,
      body: AgentReplyBodySchema,
      response: { 200: AgentTicketDetailSchema, ...errorResponses(400, 401, 403, 404, 409) },
    },
    handler: async (req) => sign.one(await agent.agentReply(db, settings, req.user!, req.params.id, req.body)),
  })
}

export default agentTicketsRoutes
