import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AgentLoginBodySchema,
  GuestLoginBodySchema,
  GuestSessionSchema,
  SessionSchema,
  SessionUserSchema,
  SignInListQuerySchema,
  SignInListSchema,
  WechatLoginBodySchema,
} from '../../../types/auth'
import { perAddressLimit } from '../../plugins/rate-limits'
import { errorResponses } from '../../plugins/schemas'
import { every } from '../../plugins/periodic'
import { sweepIdleGuests, sweepSessions } from './auth.cleanup'
import * as auth from './auth.service'

/** Sign-in for shoppers (WeChat, guest) and agents; sign-out. */
const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const opts = app.config.auth
  const { sweepSeconds, idleGuestDays } = app.config.cleanup
  every(app, sweepSeconds, 'session and guest cleanup', async () => {
    await sweepSessions(app.db)
    await sweepIdleGuests(app.db, idleGuestDays)
  })
  app.post('/api/auth/wechat', {
    schema: {
      tags: ['auth'],
      summary: 'Sign in with a wx.login code',
      security: [],
      body: WechatLoginBodySchema,
      response: { 200: SessionSchema, ...errorResponses(400, 401, 502, 503) },
    },
    config: perAddressLimit(30),
    handler: (req) => auth.loginWithWechat(app.db, opts, req.body.code),
  })
  app.post('/api/auth/guest', {
    schema: {
      tags: ['auth'],
      summary: 'Sign in as a browser guest (device-scoped)',
      description: 'Without deviceSecret a new guest is opened. The secret is single-use: store the one in the answer.',
      security: [],
      body: GuestLoginBodySchema,
      response: { 200: GuestSessionSchema, ...errorResponses(400, 401, 429) },
    },
    config: perAddressLimit(30),
    handler: (req) => auth.loginAsGuest(app.db, req.body.deviceSecret),
  })
  app.post('/api/auth/agent', {
    schema: {
      tags: ['auth'],
      summary: 'Sign in as an agent',
      security: [],
      body: AgentLoginBodySchema,
      response: { 200: SessionSchema, ...errorResponses(400, 401, 429) },
    },
    config: perAddressLimit(10),
    handler: (req) => auth.loginAsAgent(app.db, req.body.username, req.body.password, req.ip),
  })
  app.get('/api/agent/sign-ins', {
    schema: {
      tags: ['agent'],
      summary: 'Recent agent sign-in attempts, newest first',
      querystring: SignInListQuerySchema,
      response: { 200: SignInListSchema, ...errorResponses(400, 401, 403) },
    },
    onRequest: app.requireAgent,
    handler: (req) => auth.listSignIns(app.db, req.query.limit ?? 50, req.query.before ?? null),
  })
  app.get('/api/auth/me', {
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: SessionUserSchema, ...errorResponses(401) } },
    onRequest: app.requireUser,
    handler: async (req) => req.user!,
  })
  app.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Revoke this token', response: { 204: Type.Null(), ...errorResponses(401) } },
    onRequest: app.requireUser,
    handler: async (req, reply) => {
      await auth.logout(app.db, req.token!, app.sessionCache)
      return reply.status(204).send(null)
    },
  })
}

export default authRoutes
