import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { FastifyInstance } from 'fastify'

/** OpenAPI document from the route schemas, with the UI at /docs. */
export async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Service desk API',
        description: 'Help center, chat, tickets and agent workspace for marketplace shoppers in WeChat.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      security: [{ bearer: [] }],
    },
  })
  // The UI page carries its own CSP with the hashes of its inline scripts.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true })
}
