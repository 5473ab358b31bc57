import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Role, SessionUser } from '../../types/auth'
import { authenticate } from '../features/auth/auth.service'
import { SessionCache } from '../features/auth/session-cache'
import { HttpError } from './errors'

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null
    token: string | null
  }
  interface FastifyInstance {
    /** Sessions looked up lately (short-lived; logout forgets its token at once). */
    sessionCache: SessionCache
    /** preHandler: any signed-in user. */
    requireUser: (req: FastifyRequest, reply: FastifyReply) => Promise<void>
    /** preHandler: shoppers only (agents use the /api/agent routes). */
    requireShopper: (req: FastifyRequest, reply: FastifyReply) => Promise<void>
    /** preHandler: agents only. */
    requireAgent: (req: FastifyRequest, reply: FastifyReply) => Promise<void>
  }
}

/** Reads `Authorization: Bearer <token>` once per request and exposes role guards. */
export function registerAuth(app: FastifyInstance): void {
  app.decorateRequest('user', null)
  app.decorateRequest('token', null)
  app.decorate('sessionCache', new SessionCache(app.config.sessionCacheMs))
  app.addHook('onRequest', async (req) => {
    const header = req.headers.authorization
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null
    if (!match) return
    req.token = match[1]
    req.user = await authenticate(app.db, match[1], app.sessionCache)
  })
  const guard = (role: Role | null) => async (req: FastifyRequest) => {
    if (!req.user) {
      const message = req.token ? 'Your session has expired; please sign in again.' : 'Sign in first: send Authorization: Bearer <token>.'
      throw new HttpError(401, 'UNAUTHORIZED', message)
    }
    if (role && req.user.role !== role) {
      throw new HttpError(403, 'FORBIDDEN', `This needs the ${role} role.`, undefined, { params: { role } })
    }
  }
  app.decorate('requireUser', guard(null))
  app.decorate('requireShopper', guard('shopper'))
  app.decorate('requireAgent', guard('agent'))
}
