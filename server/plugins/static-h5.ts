import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

/** Serves the H5 build at `/` with an SPA fallback; the API keeps JSON 404s. */
export async function registerH5(app: FastifyInstance, h5Dir: string): Promise<void> {
  const index = path.join(h5Dir, 'index.html')
  const hasBuild = fs.existsSync(index)
  if (hasBuild) {
    await app.register(fastifyStatic, { root: h5Dir, prefix: '/', wildcard: false, index: ['index.html'] })
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0]
    const isApi = url.startsWith('/api/') || url === '/api' || url.startsWith('/docs')
    if (hasBuild && request.method === 'GET' && !isApi && !path.extname(url)) {
      return reply.type('text/html; charset=utf-8').sendFile('index.html')
    }
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route for ${request.method} ${url}` } })
  })
}
