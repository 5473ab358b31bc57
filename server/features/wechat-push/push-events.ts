import type { FastifyInstance } from 'fastify'
import type { Suggest } from '../moderation/wechat-security.client'

/** A pushed message in plain JSON mode, as far as any handler reads it. */
export interface PushMessage {
  ToUserName?: string
  FromUserName?: string
  CreateTime?: number
  MsgType?: string
  Event?: string
  [field: string]: unknown
}

/** Handles one kind of push; unknown kinds are acknowledged and ignored. */
export type PushHandler = (app: FastifyInstance, msg: PushMessage) => Promise<void>

const SUGGESTS = new Set<string>(['pass', 'review', 'risky'])

/** wxa_media_check: the verdict of an image sent to mediaCheckAsync. */
const mediaCheck: PushHandler = async (app, msg) => {
  const traceId = typeof msg.trace_id === 'string' ? msg.trace_id : null
  const result = msg.result as { suggest?: unknown } | undefined
  const suggest = typeof result?.suggest === 'string' && SUGGESTS.has(result.suggest) ? (result.suggest as Suggest) : null
  if (!traceId || !suggest) {
    app.log.warn({ traceId }, 'wxa_media_check push without trace_id or a known suggest; ignored')
    return
  }
  await app.imageModeration.settle(traceId, suggest)
}

/**
 * Handlers by `MsgType` or, for `MsgType: event`, by `event:<Event>`. Customer-service messages
 * are stored and answered later by the WeChat channel of the chat.
 */
const customerService: PushHandler = (app, msg) => app.wechatChannel.receive(msg)

export const PUSH_HANDLERS: Record<string, PushHandler> = {
  'event:wxa_media_check': mediaCheck,
  text: customerService,
  image: customerService,
  miniprogrampage: customerService,
  'event:user_enter_tempsession': customerService,
}

/** The handler for a push, if any. */
export function handlerFor(msg: PushMessage): PushHandler | undefined {
  const key = msg.MsgType === 'event' ? `event:${String(msg.Event ?? '')}` : String(msg.MsgType ?? '')
  return PUSH_HANDLERS[key]
}
