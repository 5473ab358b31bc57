import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HttpError } from '../../plugins/errors'
import { errorResponses } from '../../plugins/schemas'
import { handlerFor } from './push-events'
import { openPush } from './push-open'
import { verifyPushSignature } from './push-signature'

const SignedQuery = {
  signature: Type.Optional(Type.String({ maxLength: 64 })),
  timestamp: Type.Optional(Type.String({ maxLength: 16 })),
  nonce: Type.Optional(Type.String({ maxLength: 64 })),
}

/**
 * WeChat's message push (消息推送): the URL check (GET) and pushed messages and events (POST) in
 * JSON or XML (WECHAT_PUSH_FORMAT), plain or safe mode (WECHAT_PUSH_AES_KEY), all signed with
 * WECHAT_PUSH_TOKEN. Answers 404 while no token is set. A push is stored before the answer and
 * worked on afterwards, so WeChat hears "success" well within its 5 seconds.
 */
const wechatPushRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const token = app.config.wechatPushToken
  const check = (q: { signature?: string; timestamp?: string; nonce?: string }): void => {
    if (!token) throw new HttpError(404, 'NOT_FOUND', 'Message push is not configured.')
    if (!verifyPushSignature(token, q)) throw new HttpError(401, 'PUSH_SIGNATURE_INVALID', 'The push signature does not match.')
  }
  // The body is read as text in every content type: the signature and format checks need it raw.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, body))

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
      summary: 'A pushed message or event (JSON or XML, plain or safe mode): answers "success" once stored',
      querystring: Type.Object({
        ...SignedQuery,
        encrypt_type: Type.Optional(Type.String({ maxLength: 16 })),
        msg_signature: Type.Optional(Type.String({ maxLength: 64 })),
        openid: Type.Optional(Type.String({ maxLength: 64 })),
      }),
      body: Type.String({ maxLength: 256 * 1024 }),
      response: { 200: Type.String(), ...errorResponses(400, 401, 404) },
    },
    handler: async (req, reply) => {
      check(req.query)
      const msg = await openPush(app, req.query, req.body, token!)
      await handlerFor(msg)?.(app, msg)
      return reply.type('text/plain').send('success')
    },
  })
}

export default wechatPushRoutes
