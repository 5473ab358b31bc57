import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from '../../plugins/errors'
import { UploadLinks } from '../uploads/upload-links'
import { ImageModeration } from './image-moderation'
import { TextModeration } from './text-moderation'
import { WechatSecurityClient, type Scene } from './wechat-security.client'
import { loadWordList } from './word-list'

declare module 'fastify' {
  interface FastifyInstance {
    /** Content security for shoppers' texts (see text-moderation.ts). */
    moderation: TextModeration
    /** WeChat's asynchronous check of shoppers' images (see image-moderation.ts). */
    imageModeration: ImageModeration
  }
}

type Body = Record<string, unknown>
const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** The shopper-written texts of each route that stores them, and the scene WeChat rates them in. */
const CHECKED: Record<string, { scene: Scene; texts(body: Body): string[] }> = {
  'POST /api/chat/messages': { scene: 2, texts: (b) => (b.kind === 'text' ? [str(b.text)] : []) },
  'POST /api/chat/rating': { scene: 2, texts: (b) => [str(b.comment)] },
  'POST /api/tickets': { scene: 1, texts: (b) => [str(b.description), str(b.productName)] },
  'POST /api/tickets/:id/replies': { scene: 2, texts: (b) => [str(b.text)] },
  'POST /api/tickets/:id/reopen': { scene: 2, texts: (b) => [str(b.reason)] },
  'POST /api/tickets/:id/escalate': { scene: 2, texts: (b) => [str(b.reason)] },
  'POST /api/tickets/:id/rating': { scene: 2, texts: (b) => [str(b.comment)] },
  'PUT /api/tickets/:id/rating': { scene: 2, texts: (b) => [str(b.comment)] },
}

/**
 * Checks shoppers' texts before any route stores them. A refused text is a 422 CONTENT_BLOCKED
 * and nothing of the request is stored, so the conversation or ticket stays as it was and the
 * sender keeps the draft to rephrase. Runs as a root hook, after validation and sign-in.
 */
export function registerModeration(app: FastifyInstance): void {
  const wechat = app.config.auth.wechat
  const client = wechat && app.wechatApi ? new WechatSecurityClient(wechat.apiBase, (force) => app.wechatApi!.accessToken(force)) : null
  const moderation = new TextModeration(app.db, loadWordList(), client, (obj, msg) => app.log.warn(obj, msg))
  app.decorate('moderation', moderation)
  app.decorate('imageModeration', imageModeration(app, client))
  app.addHook('preHandler', async (req: FastifyRequest) => {
    const rule = CHECKED[`${req.method} ${req.routeOptions.url}`]
    if (!rule || req.user?.role !== 'shopper' || !req.body || typeof req.body !== 'object') return
    const refused = await moderation.refuse(req.user.id, rule.texts(req.body as Body), rule.scene)
    if (!refused) return
    req.log.info({ source: refused.source, label: refused.label, route: req.routeOptions.url }, 'content refused by moderation')
    throw new HttpError(422, 'CONTENT_BLOCKED', 'This text cannot be sent as it is; please rephrase it. Nothing was saved.')
  })
}

function imageModeration(app: FastifyInstance, client: WechatSecurityClient | null): ImageModeration {
  const base = app.config.publicBaseUrl
  // WeChat fetches the image itself, so it needs a public address, never localhost.
  if (client && !base) app.log.warn('PUBLIC_BASE_URL is not set: shoppers’ images are not sent to WeChat’s image check')
  const links = new UploadLinks(app.db)
  return new ImageModeration({
    db: app.db,
    wechat: base ? client : null,
    publicUrl: async (id) => `${base}${await links.pathFor(id)}`,
    info: (obj, msg) => app.log.info(obj, msg),
    warn: (obj, msg) => app.log.warn(obj, msg),
  })
}
