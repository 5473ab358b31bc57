import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyInstance } from 'fastify'
import helmet, { type HelmetOptions } from 'helmet'

/** API answers are JSON, never documents: they need no script policy, only to refuse everything. */
const API_CSP = "default-src 'none'; frame-ancestors 'self'"

/**
 * The headers helmet sets for `options`, worked out once: the options never change while the
 * server runs, and building helmet's middleware on every request cost a tenth of an API call.
 */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  const recorder = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value)
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()]
    },
  }
  let failure: unknown = null
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => (failure = err ?? null))
  if (failure) throw failure
  return headers
}

/** Whether a URL is an API answer (JSON) rather than a page, script or the docs UI. */
function isApiUrl(url: string): boolean {
  return url.startsWith('/api/') || url === '/healthz' || url.startsWith('/healthz?')
}

/** Sends helmet's security headers on every answer; API answers carry a deny-all policy instead of the page's. */
export function registerSecurityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const page = helmetHeaders(options)
  const api = { ...page, 'content-security-policy': API_CSP }
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(isApiUrl(req.url) ? api : page)
    done()
  })
}
