import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { OverviewQuerySchema, OverviewSchema } from '../../../types/agent'
import { errorResponses } from '../../plugins/schemas'
import { overview } from './agent-stats.service'

/** The agent overview: chat and ticket figures against the SLA, for today or the last 7 days. */
const agentStatsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/agent/overview', {
    onRequest: app.requireAgent,
    schema: {
      tags: ['agent'],
      summary: 'Chats (started, handed over, waiting, queue wait, first agent response, ratings) and ticket stats',
      querystring: OverviewQuerySchema,
      response: { 200: OverviewSchema, ...errorResponses(400, 401, 403) },
    },
    handler: (req) => overview(app.db, app.dbKind, app.config.tickets.sla, req.query),
  })
}

export default agentStatsRoutes
