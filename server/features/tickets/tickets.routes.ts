import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ContactBodySchema,
  CreateTicketBodySchema,
  IdempotencyHeadersSchema,
  RatingBodySchema,
  ReasonBodySchema,
  ReplyBodySchema,
  TicketDetailSchema,
  TicketListQuerySchema,
  TicketPageSchema,
  TicketParamsSchema,
} from '../../../types/ticket'
import { errorResponses } from '../../plugins/schemas'
import * as actions from './ticket-actions.service'
import { noteBlockedEvidence } from './ticket-image-blocked'
import { attachmentSigner } from './ticket-links'
import { startTicketSweep } from './ticket-sweep'
import * as tickets from './tickets.service'
import { announceTicketChanges } from './ticket-changes'

const tags = ['tickets']
const action = (summary: string, errors: number[]) => ({
  tags,
  summary,
  params: TicketParamsSchema,
  response: { 200: TicketDetailSchema, ...errorResponses(400, 401, 403, 404, ...errors) },
})

/** Shoppers' tickets: submit, list, read, and act on their own tickets. */
const ticketsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app
  const settings = app.config.tickets
  const sign = attachmentSigner(db)
  startTicketSweep(app, settings.sweepIntervalMs)
  app.imageModeration.onBlocked((uploadId) => noteBlockedEvidence(db, uploadId))
  app.addHook('onRequest', app.requireShopper)
  announceTicketChanges(app)

  app.post('/api/tickets', {
    schema: {
      tags,
      summary: 'Submit a ticket (idempotent per Idempotency-Key); required fields and evidence follow the catalog',
      headers: IdempotencyHeadersSchema,
      body: CreateTicketBodySchema,
      response: { 201: TicketDetailSchema, ...errorResponses(400, 401, 403, 422) },
    },
    handler: async (req, reply) => {
      const { ticket, replayed } = await tickets.createTicket(db, settings, req.user!, req.headers['idempotency-key'], req.body)
      if (replayed) void reply.header('idempotent-replayed', 'true')
      return reply.status(201).send(await sign.one(ticket))
    },
  })
  app.get('/api/tickets', {
    schema: {
      tags,
      summary: 'My tickets, newest first (status or group filter, cursor pagination)',
      querystring: TicketListQuerySchema,
      response: { 200: TicketPageSchema, ...errorResponses(400, 401, 403) },
    },
    handler: async (req) => sign.page(await tickets.listMyTickets(db, settings, req.user!.id, req.query)),
  })
  app.get('/api/tickets/:id', {
    schema: {
      tags,
      summary: 'One of my tickets with its timeline and SLA',
      params: TicketParamsSchema,
      response: { 200: TicketDetailSchema, ...errorResponses(400, 401, 403, 404) },
    },
    handler: async (req) => sign.one(await tickets.getMyTicket(db, settings, req.user!.id, req.params.id)),
  })
  app.post('/api/tickets/:id/replies', {
    schema: { ...action('Add a message and/or files (answers a question from the agent)', [409]), body: ReplyBodySchema },
    handler: async (req) => sign.one(await actions.shopperReply(db, settings, req.user!, req.params.id, req.body)),
  })
  app.post('/api/tickets/:id/confirm', {
    schema: action('Confirm the problem is solved (resolved → closed)', [409]),
    handler: async (req) => sign.one(await actions.confirmTicket(db, settings, req.user!, req.params.id)),
  })
  app.post('/api/tickets/:id/reopen', {
    schema: { ...action('Reopen a resolved ticket (resolved → in_progress)', [409]), body: ReasonBodySchema },
    handler: async (req) => sign.one(await actions.reopenTicket(db, settings, req.user!, req.params.id, req.body.reason)),
  })
  app.post('/api/tickets/:id/rating', {
    schema: { ...action('Rate a resolved or closed ticket (once)', [409]), body: RatingBodySchema },
    handler: async (req) => sign.one(await actions.rateTicket(db, settings, req.user!, req.params.id, req.body)),
  })
  app.put('/api/tickets/:id/rating', {
    schema: { ...action('Change my rating (within 24 hours)', [409]), body: RatingBodySchema },
    handler: async (req) => sign.one(await actions.updateRating(db, settings, req.user!, req.params.id, req.body)),
  })
  app.post('/api/tickets/:id/escalate', {
    schema: { ...action('投诉直通车: escalate when overdue, after reopening or after a rating ≤ 2', [409]), body: ReasonBodySchema },
    handler: async (req) => sign.one(await actions.escalateTicket(db, settings, req.user!, req.params.id, req.body.reason)),
  })
  app.put('/api/tickets/:id/contact', {
    schema: { ...action('Change how to reach me about this ticket', []), body: ContactBodySchema },
    handler: async (req) => sign.one(await actions.updateContact(db, settings, req.user!, req.params.id, req.body)),
  })
}

export default ticketsRoutes
