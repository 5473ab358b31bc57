import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HttpError } from '../../plugins/errors'
import { errorResponses } from '../../plugins/schemas'
import { handlerFor, type PushMessage } from './push-events'
import { isFresh, verifyPushSignature } from './push-signature'

const SignedQuery = {
  signature: Type.Optional(Type.String({ maxLength: 64 })),
  timestamp: Type.Optional(Type.String({ maxLength: 16 })),
  nonce: Type.Optional(Type.String({ maxLength: 64 })),
}

/**
 * WeChat's message push (消息推送), plain mode with JSON data: the URL check (GET) and pushed
 * events (POST), both signed with WECHAT_PUSH_TOKEN. Answers 404 while no token is set.
 */
const wechatPushRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const token = app.config.wechatPushToken
  const check = (q: { signature?: string; timestamp?: string; nonce?: string }): void => {
    if (!token) throw new HttpError(404, 'NOT_FOUND', 'Message push is not configured.')
    if (!verifyPushSignature(token, q)) throw new HttpError(401, 'PUSH_SIGNATURE_INVALID', 'The push signature does not match.')
  }
  // WeChat may label a JSON push as text; it is parsed as JSON all the same.
  app.addContentTypeParser(['text/plain', 'text/xml'], { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string))
    } catch {
      done(new HttpError(400, 'VALIDATION_FAILED', 'A push must be JSON (plain mode, data format JSON).'), undefined)
    }
  })

  app.get('/api/wechat/push', {
    schema: {
      tags: ['wechat'],
      summary: 'Server URL check from the admin console: echoes echostr when the signature matches',
      querystring: Type.Object({ ...SignedQuery, echostr: Type.Optional(Type.String({ maxLength: 128 })) }),
      response: { 200: Type.String(), ...errorResponses(400, 401, 404) },
    },
    handler: async (req, reply) => {
      check(req.query)
      return reply.type('text/plain').send(req.query.echostr ?? '')
    },
  })

  app.post('/api/wechat/push', {
    schema: {
      tags: ['wechat'],
      summary: 'A pushed event (plain mode, JSON): answers "success" once handled',
      querystring: Type.Object({ ...SignedQuery, encrypt_type: Type.Optional(Type.String({ maxLength: 16 })) }),
      body: Type.Object({}, { additionalProperties: true }),
      response: { 200: Type.String(), ...errorResponses(400, 401, 404) },
    },
    handler: async (req, reply) => {
      check(req.query)
      if (!isFresh(req.query.timestamp)) throw new HttpError(401, 'PUSH_EXPIRED', 'The push timestamp is outside the accepted window.')
      if (req.query.encrypt_type && req.query.encrypt_type !== 'raw')
        throw new HttpError(400, 'PUSH_MODE_UNSUPPORTED', 'Only plain mode (明文模式) is supported.')
      const msg = req.body as PushMessage
      await handlerFor(msg)?.(app, msg)
      return reply.type('text/plain').send('success')
    },
  })
}

export default wechatPushRoutes
