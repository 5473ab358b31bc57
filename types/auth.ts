import { Type, type Static } from 'typebox'

export const RoleSchema = Type.Union([Type.Literal('shopper'), Type.Literal('agent')])
export type Role = Static<typeof RoleSchema>

export const WechatLoginBodySchema = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 128, description: 'The code from wx.login' }),
})
export type WechatLoginBody = Static<typeof WechatLoginBodySchema>

export const GuestLoginBodySchema = Type.Object(
  {
    deviceSecret: Type.Optional(
      Type.String({
        minLength: 8,
        maxLength: 64,
        pattern: '^[A-Za-z0-9_-]+$',
        description: 'The secret from the last guest sign-in on this device; omit it to open a new guest account',
      }),
    ),
  },
  { additionalProperties: false },
)
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

/** A guest sign-in also hands out the device's next secret; the one sent is used up. */
export const GuestSessionSchema = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  user: SessionUserSchema,
  deviceSecret: Type.String({ description: 'Keep it on the device and send it at the next guest sign-in' }),
})
export type GuestSession = Static<typeof GuestSessionSchema>

export const SignInAttemptSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  address: Type.String({ description: 'The caller’s address, masked' }),
  outcome: Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('locked')]),
  at: Type.String({ format: 'date-time' }),
})
export type SignInAttempt = Static<typeof SignInAttemptSchema>

export const SignInListSchema = Type.Object({
  items: Type.Array(SignInAttemptSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
})
export type SignInList = Static<typeof SignInListSchema>

export const SignInListQuerySchema = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  before: Type.Optional(Type.String({ format: 'date-time', description: 'Cursor: nextCursor of the previous page' })),
})
