import Fastify, { type FastifyInstance } from 'fastify'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { loadConfig, type Config } from './config'
import { openDatabase, type Database, type DatabaseHandle, type DatabaseKind } from './db/database'
import { migrateToLatest } from './db/migrate'
import { registerAuth } from './plugins/auth'
import { registerDocs } from './plugins/docs'
import { registerErrorHandling } from './plugins/errors'
import { registerH5 } from './plugins/static-h5'
import { features } from './features'
import { registerNotificationWorker } from './features/notifications/notifications.plugin'
import { WechatMessagesClient } from './features/notifications/wechat-messages.client'
import { registerModeration } from './features/moderation/moderation.plugin'

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    db: Database
    dbKind: DatabaseKind
    dbHandle: DatabaseHandle
    /** WeChat server API with one cached access token for the whole app; null without credentials. */
    wechatApi: WechatMessagesClient | null
  }
}

export interface BuildOptions {
  /** Overrides on top of the environment (tests pass a temp DATA_DIR, a DATABASE_URL …). */
  config?: Partial<Config>
  /** An SQLite file to use instead of dataDir's default (tests use one per app). */
  sqliteFile?: string
  logger?: boolean
}

/** Builds the whole server: database (migrated), plugins, every feature's routes. */
export async function buildApp(options: BuildOptions = {}): Promise<FastifyInstance> {
  const config: Config = { ...loadConfig(), ...options.config }
  const app = Fastify({
    logger: options.logger === false ? false : { level: config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, sqliteFile: options.sqliteFile })
  await migrateToLatest(handle.db)
  app.decorate('config', config)
  app.decorate('db', handle.db)
  app.decorate('dbKind', handle.kind)
  app.decorate('dbHandle', handle)
  app.decorate('wechatApi', config.auth.wechat ? new WechatMessagesClient(config.auth.wechat) : null)
  app.addHook('onClose', async () => handle.close())

  registerErrorHandling(app)
  // The H5 build and /docs need inline scripts and styles; the API itself serves only JSON.
  await app.register(helmet, { contentSecurityPolicy: false, crossOriginResourcePolicy: { policy: 'same-site' } })
  registerAuth(app)
  registerModeration(app)
  await app.register(rateLimit, {
    max: config.rateLimitMax,
    timeWindow: '1 minute',
    // Only a valid token earns its own bucket; made-up tokens must not dodge the per-IP limit.
    keyGenerator: (req) => (req.user && req.token ? `t:${req.token}` : `ip:${req.ip}`),
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `Too many requests; try again in ${Math.ceil(ctx.ttl / 1000)} s.`,
    }),
  })
  await registerDocs(app)
  for (const feature of features) await app.register(feature)
  registerNotificationWorker(app)
  await registerH5(app, config.h5Dir)
  return app
}
