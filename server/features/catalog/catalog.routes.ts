import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CatalogSchema } from '../../../types/catalog'
import { buildCatalog } from './catalog.service'

/** The service catalog: one source for the ticket form, the help center and ticket validation. */
const catalogRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const catalog = buildCatalog(app.config.tickets)
  app.get('/api/catalog', {
    schema: {
      tags: ['catalog'],
      summary: 'Service types, subtypes with required fields and evidence, outcomes, tips, channels, SLA, subscribe templates',
      security: [],
      response: { 200: CatalogSchema },
    },
    handler: async (_req, reply) => {
      void reply.header('cache-control', 'public, max-age=300')
      return catalog
    },
  })
}

export default catalogRoutes
