import type { FastifyInstance, FastifyRequest } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import { isStaticFileRequest } from './static-h5'
import { HttpError } from './errors'

function rateLimitedBody(_req: FastifyRequest, ctx: { ttl: number }): HttpError {
  const seconds = Math.ceil(ctx.ttl / 1000)
  return new HttpError(429, 'RATE_LIMITED', `Too many requests; try again in ${seconds} s.`, undefined, { params: { seconds } })
}

/**
 * The global per-minute budget: one bucket per signed-in user (all their tokens share it), else per address.
 * With Redis the buckets are shared by every instance, so N servers still allow `max`, not N × `max`.
 */
export async function registerRateLimits(app: FastifyInstance, max: number): Promise<void> {
  const prefix = app.config.redisPrefix
  await app.register(rateLimit, {
    max,
    timeWindow: '1 minute',
    // Only a valid session earns its own bucket; made-up tokens must not dodge the per-address limit.
    keyGenerator: (req) => (req.user ? `u:${req.user.id}` : `ip:${req.ip}`),
    errorResponseBuilder: rateLimitedBody,
    ...(app.redis
      ? {
          redis: app.redis,
          nameSpace: `${prefix}rl:`,
          // Redis unreachable: serve the request rather than fail every shopper with a 500.
          skipOnError: true,
        }
      : {}),
    // Page loads (scripts, styles, index.html) are not API calls: shoppers behind one carrier NAT
    // would otherwise spend their shared budget on them.
    allowList: (req) => isStaticFileRequest(req),
  })
}

/** Route config for sign-in routes: counted per address whatever token the caller holds. */
export function perAddressLimit(max: number, timeWindow = '1 minute') {
  return { rateLimit: { max, timeWindow, keyGenerator: (req: FastifyRequest) => `signin:${req.ip}` } }
}
