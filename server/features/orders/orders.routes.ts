import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { OrderListSchema } from '../../../types/order'
import { errorResponses } from '../../plugins/schemas'
import { listOrdersFor } from './orders.service'

/** The shopper's recent orders, so forms and chat can pick one instead of typing the number. */
const ordersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/orders', {
    schema: {
      tags: ['orders'],
      summary: 'My recent orders (number, items, amount, paid at, logistics)',
      response: { 200: OrderListSchema, ...errorResponses(401, 403) },
    },
    onRequest: app.requireShopper,
    handler: async (req) => ({ items: await listOrdersFor(req.user!.id) }),
  })
}

export default ordersRoutes
