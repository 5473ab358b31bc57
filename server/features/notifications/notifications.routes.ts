import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { OutboxPageSchema, OutboxQuerySchema, SubscriptionsBodySchema, SubscriptionsSchema } from '../../../types/notification'
import { errorResponses } from '../../plugins/schemas'
import * as notifications from './notifications.service'

/** Subscribe-message grants for shoppers; the delivery outbox for agents. */
const notificationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const templates = app.config.tickets.subscribeTemplates

  app.get('/api/subscriptions', {
    schema: {
      tags: ['notifications'],
      summary: 'Subscribe templates to request (wx.requestSubscribeMessage) and the messages each still allows',
      response: { 200: SubscriptionsSchema, ...errorResponses(401, 403) },
    },
    onRequest: app.requireShopper,
    handler: (req) => notifications.subscriptionsOf(app.db, templates, req.user!.id),
  })

  app.post('/api/subscriptions', {
    schema: {
      tags: ['notifications'],
      summary: 'Record the templates the shopper accepted; WeChat allows one message per acceptance',
      body: SubscriptionsBodySchema,
      response: { 200: SubscriptionsSchema, ...errorResponses(400, 401, 403) },
    },
    onRequest: app.requireShopper,
    handler: (req) => notifications.recordAccepted(app.db, templates, req.user!.id, req.body.templateIds),
  })

  app.get('/api/agent/notifications', {
    schema: {
      tags: ['notifications'],
      summary: 'Notification outbox (newest first): what was sent to shoppers, on which channel, and what failed',
      querystring: OutboxQuerySchema,
      response: { 200: OutboxPageSchema, ...errorResponses(400, 401, 403) },
    },
    onRequest: app.requireAgent,
    handler: (req) => notifications.outboxPage(app.db, req.query),
  })
}

export default notificationsRoutes
