import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/** Build output named by its content hash (`app.2c4fc6e5.js`): it never changes under that name. */
const HASHED_NAME = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i

/** Cache policy for a built file: hashed files forever, everything else (index.html) revalidated. */
export function cacheControlFor(filePath: string): string {
  // The precompressed copy (`app.2c4fc6e5.js.br`) is cached like the file it stands for.
  const name = path.basename(filePath).replace(/\.(br|gz)$/, '')
  return HASHED_NAME.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/** Whether a request was routed to a built file (those routes carry the file in their config). */
export function isStaticFileRequest(req: FastifyRequest): boolean {
  const config = req.routeOptions.config as { file?: unknown } | undefined
  return typeof config?.file === 'string'
}

/**
 * Serves the H5 build at `/` with an SPA fallback; the API keeps JSON 404s. Files go out as the
 * build's brotli/gzip copies when the client accepts them (`Vary: Accept-Encoding`).
 */
export async function registerH5(app: FastifyInstance, h5Dir: string): Promise<void> {
  const index = path.join(h5Dir, 'index.html')
  const hasBuild = fs.existsSync(index)
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: h5Dir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply: FastifyReply, filePath: string) => reply.header('cache-control', cacheControlFor(filePath)),
    })
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
