import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { CaseParamsSchema, CaseSchema, CaseSearchQuerySchema, CaseSearchResultSchema } from '../../../types/case'
import { errorResponses } from '../../plugins/schemas'
import { forViewer } from '../../lib/locale'
import { UploadLinks } from '../uploads/upload-links'
import { getCase, searchCases } from './cases.service'

const tags = ['agent']

/** Agents look a case up by its number, or find cases by order number or phone. */
const casesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps = { db: app.db, links: new UploadLinks(app.db) }
  app.addHook('onRequest', app.requireAgent)

  app.get('/api/agent/cases', {
    schema: {
      tags,
      summary: 'Find cases by case number, order number or contact phone',
      querystring: CaseSearchQuerySchema,
      response: { 200: CaseSearchResultSchema, ...errorResponses(400, 401, 403) },
    },
    handler: async (req) => ({ items: await searchCases(forViewer(deps, req), req.query.q) }),
  })

  app.get('/api/agent/cases/:caseNo', {
    schema: {
      tags,
      summary: 'Conversations, tickets and notifications under one case number',
      params: CaseParamsSchema,
      response: { 200: CaseSchema, ...errorResponses(400, 401, 403, 404) },
    },
    handler: (req) => getCase(forViewer(deps, req), req.params.caseNo),
  })
}

export default casesRoutes
