import type { FastifyInstance } from 'fastify'
import agentRoutes from './agent.routes'
import { languageModelSettings } from './bot/language-model'
import { ChatEventBus } from './chat.events'
import { noteBlockedImage } from './chat.image-blocked'
import { sweepIdle } from './chat.lifecycle'
import type { ChatDeps } from './chat.deps'
import shopperRoutes from './chat.routes'
import { PgNotifier } from './pg-notifier'
import { UploadLinks } from '../uploads/upload-links'
import { createUploadStorage } from '../uploads/upload-storage.factory'
import { KfClient } from './wechat/kf.client'
import { WechatChannel } from './wechat/wechat.channel'

declare module 'fastify' {
  interface FastifyInstance {
    /** The chat event bus and the idle sweep (exposed for operations and tests). */
    chat: { bus: ChatEventBus; sweepIdle(now?: Date): Promise<number> }
    /** WeChat's own customer-service chat joined to the conversations (pushes in, replies out). */
    wechatChannel: WechatChannel
  }
}

/**
 * Realtime chat: the event bus (plus LISTEN/NOTIFY across instances on PostgreSQL), the idle
 * sweep, and the shopper and agent routes. Long-polls are released before the server closes.
 */
async function chatFeature(app: FastifyInstance): Promise<void> {
  const bus = new ChatEventBus()
  const deps: ChatDeps = {
    db: app.db,
    bus,
    links: new UploadLinks(app.db),
    agentHours: app.config.chat.agentHours,
    llm: languageModelSettings(),
    limits: app.config.limits,
  }
  const wechatCreds = app.config.auth.wechat
  // The store UPLOAD_STORAGE names, so images fetched from WeChat are served by every instance.
  const storage = await createUploadStorage(app)
  const kf = wechatCreds && app.wechatApi ? new KfClient(wechatCreds, (force) => app.wechatApi!.accessToken(force)) : null
  const uploads = { db: app.db, storage, links: deps.links, bytesPerDay: app.config.limits.uploadBytesPerDay }
  const wechat = new WechatChannel({ chat: deps, uploads, kf }, storage, app.log)
  deps.wechat = wechat
  app.decorate('wechatChannel', wechat)
  wechat.start(app.config.notifyPollMs)
  app.addHook('onClose', () => wechat.stop())
  if (app.dbHandle.kind === 'postgres' && app.dbHandle.url) {
    const notifier = new PgNotifier(app.dbHandle.url, bus, app.log)
    await notifier.start()
    bus.attach(notifier)
  }
  const idleMs = app.config.chat.idleMinutes * 60_000
  const sweep = (now: Date = new Date()) => sweepIdle(deps, now, idleMs)
  app.decorate('chat', { bus, sweepIdle: sweep })
  app.imageModeration.onBlocked((uploadId) => noteBlockedImage(deps, uploadId))

  const timer = setInterval(() => {
    sweep().catch((err: unknown) => app.log.error({ err }, 'chat idle sweep failed'))
  }, app.config.chat.sweepSeconds * 1000)
  timer.unref()
  app.addHook('preClose', async () => {
    clearInterval(timer)
    await bus.close()
  })
  // A close without preClose (e.g. after a failed start) still stops the transport.
  app.addHook('onClose', async () => {
    clearInterval(timer)
    await bus.close()
  })

  await app.register(shopperRoutes, { deps })
  await app.register(agentRoutes, { deps })
}

// Decorations (app.chat) belong to the root instance, as fastify-plugin would arrange.
export default Object.assign(chatFeature, { [Symbol.for('skip-override')]: true })
