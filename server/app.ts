import Fastify, { type FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { loadConfig, type Config } from './config'
import { openDatabase, type Database, type DatabaseHandle, type DatabaseKind } from './db/database'
import { migrateToLatest } from './db/migrate'
import { registerAuth } from './plugins/auth'
import { registerDocs } from './plugins/docs'
import { registerErrorHandling } from './plugins/errors'
import { clientErrorHandler, frameworkErrors } from './plugins/framework-errors'
import { cspDirectives } from './plugins/csp'
import { registerInputGuards } from './plugins/input-guards'
import { loggerOptions } from './plugins/log-privacy'
import { registerRateLimits } from './plugins/rate-limits'
import { registerSecurityHeaders } from './plugins/security-headers'
import { registerPollSlots } from './plugins/poll-slots'
import { registerRedis } from './plugins/redis'
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
    /** Every route with its schema, in registration order (the access matrix and fuzz tests read it). */
    routeTable: RouteEntry[]
  }
}

/** One registered route: `key` is `METHOD /path`. */
export interface RouteEntry {
  key: string
  method: string
  url: string
  schema: { body?: unknown; querystring?: unknown; params?: unknown }
}

export interface BuildOptions {
  /** Overrides on top of the environment (tests pass a temp DATA_DIR, a DATABASE_URL …). */
  config?: Partial<Config>
  /** An SQLite file to use instead of dataDir's default (tests use one per app). */
  sqliteFile?: string
  logger?: boolean
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: NodeJS.WritableStream
}

/** Trusts exactly `hops` proxies in front of the server (the closest ones). */
function trustHops(hops: number): (address: string, index: number) => boolean {
  return (_address, index) => index < hops
}

/** Builds the whole server: database (migrated), plugins, every feature's routes. */
export async function buildApp(options: BuildOptions = {}): Promise<FastifyInstance> {
  const config: Config = { ...loadConfig(), ...options.config }
  const app = Fastify({
    logger: options.logger === false ? false : loggerOptions(config, options.logStream),
    bodyLimit: 1024 * 1024,
    // Off unless TRUST_PROXY names the proxy: otherwise anyone could pick their own address.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    clientErrorHandler,
    frameworkErrors,
    // strictNumbers: 1e309 parses to Infinity, which would otherwise pass an integer check.
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, strictNumbers: true },
    },
  }).withTypeProvider<TypeBoxTypeProvider>()

  // Before the database, so a Redis that cannot be reached leaves nothing open behind it.
  await registerRedis(app, config.redisUrl)
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, sqliteFile: options.sqliteFile })
  await migrateToLatest(handle.db)
  app.decorate('config', config)
  app.decorate('db', handle.db)
  app.decorate('dbKind', handle.kind)
  app.decorate('dbHandle', handle)
  app.decorate('wechatApi', config.auth.wechat ? new WechatMessagesClient(config.auth.wechat) : null)
  app.addHook('onClose', async () => handle.close())

  registerErrorHandling(app)
  const routeTable: RouteEntry[] = []
  app.decorate('routeTable', routeTable)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    for (const m of methods) {
      if (m !== 'HEAD')
        routeTable.push({ key: `${m} ${route.url}`, method: m, url: route.url, schema: (route.schema ?? {}) as RouteEntry['schema'] })
    }
  })
  registerInputGuards(app)
  registerSecurityHeaders(app, {
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives(config.h5Dir) },
    crossOriginResourcePolicy: { policy: 'same-site' },
  })
  registerAuth(app)
  registerModeration(app)
  registerPollSlots(app)
  await registerRateLimits(app, config.rateLimitMax)
  if (config.docs) await registerDocs(app)
  for (const feature of features) await app.register(feature)
  registerNotificationWorker(app)
  await registerH5(app, config.h5Dir)
  return app
}
