import { sql } from 'kysely'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HealthSchema } from '../../../types/common'
import { errorResponses } from '../../plugins/schemas'

/** Liveness and database reachability, for load balancers and the start script. */
const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/healthz', {
    schema: { tags: ['health'], summary: 'Service health', security: [], response: { 200: HealthSchema, ...errorResponses(503) } },
    handler: async () => {
      await sql`select 1`.execute(app.db)
      return { status: 'ok' as const, database: app.dbKind, time: new Date().toISOString() }
    },
  })
}

export default healthRoutes
