import { Type, type Static } from 'typebox'

export const RoleSchema = Type.Union([Type.Literal('shopper'), Type.Literal('agent')])
export type Role = Static<typeof RoleSchema>

export const WechatLoginBodySchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 128, description: 'The code from wx.login' }),
})
export type WechatLoginBody = Static<typeof WechatLoginBodySchema>

export const GuestLoginBodySchema = Type.Object({
  deviceId: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
})
export type GuestLoginBody = Static<typeof GuestLoginBodySchema>

export const AgentLoginBodySchema = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
})
export type AgentLoginBody = Static<typeof AgentLoginBodySchema>

export const SessionUserSchema = Type.Object({
  id: Type.String(),
  role: RoleSchema,
  displayName: Type.String(),
})
export type SessionUser = Static<typeof SessionUserSchema>

export const SessionSchema = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  user: SessionUserSchema,
})
export type Session = Static<typeof SessionSchema>
