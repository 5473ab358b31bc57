import type { FastifyInstance } from 'fastify'
import { Redis } from 'ioredis'

declare module 'fastify' {
  interface FastifyInstance {
    /** The shared Redis (REDIS_URL) for rate limits and long-poll slots across instances; null runs them in-process. */
    redis: Redis | null
  }
}

/** Connects to REDIS_URL when set; the connection closes with the app. */
export async function registerRedis(app: FastifyInstance, url: string | null): Promise<void> {
  if (!url) {
    app.decorate('redis', null)
    return
  }
  // Commands wait for a reconnect instead of failing at once; a lost Redis answers slowly, not with 500s.
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, enableAutoPipelining: true })
  redis.on('error', (err) => app.log.warn({ err: err.message }, 'redis connection problem'))
  try {
    await redis.connect()
  } catch (err) {
    redis.disconnect()
    const where = new URL(url)
    throw new Error(`Redis at REDIS_URL (${where.hostname}:${where.port || 6379}) cannot be reached: ${(err as Error).message}`)
  }
  app.decorate('redis', redis)
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect())
  })
}
