import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { FaqListSchema, FaqQuerySchema } from '../../../types/help'
import { errorResponses } from '../../plugins/schemas'
import { listFaq } from './help.service'

/** Help center FAQ, served from the service bot's knowledge base so both always agree. */
const helpRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/help/faq', {
    schema: {
      tags: ['help'],
      summary: 'FAQ entries by service type, or searched the way the bot searches',
      security: [],
      querystring: FaqQuerySchema,
      response: { 200: FaqListSchema, ...errorResponses(400) },
    },
    handler: async (req, reply) => {
      // The knowledge base changes only with a deploy; let clients and proxies reuse answers briefly.
      reply.header('cache-control', 'public, max-age=300')
      return listFaq(req.query)
    },
  })
}

export default helpRoutes
