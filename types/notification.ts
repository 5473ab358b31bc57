import { Type, type Static } from 'typebox'

export const NOTIFICATION_EVENTS = ['accepted', 'replied', 'resolved'] as const
export const NotificationEventSchema = Type.Enum(NOTIFICATION_EVENTS)
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number]

export const NOTIFICATION_CHANNELS = ['wechat', 'email', 'sms'] as const
export const NotificationChannelSchema = Type.Enum(NOTIFICATION_CHANNELS)
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number]

/**
 * pending → sending → sent; failed after the last retry; skipped when the channel cannot reach
 * the shopper (no grant, no address); unconfirmed when a sender stopped mid-send and the row is
 * not sent again, so no shopper gets the same message twice.
 */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped', 'unconfirmed'] as const
export const NotificationStatusSchema = Type.Enum(NOTIFICATION_STATUSES)
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number]

/** `POST /api/subscriptions`: the template ids wx.requestSubscribeMessage reported as 'accept'. */
export const SubscriptionsBodySchema = Type.Object({
  templateIds: Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 3, uniqueItems: true }),
})
export type SubscriptionsBody = Static<typeof SubscriptionsBodySchema>

export const SubscriptionTemplateSchema = Type.Object({
  event: NotificationEventSchema,
  templateId: Type.String(),
  remaining: Type.Integer({ minimum: 0, description: 'Messages WeChat still allows for this template' }),
})
export type SubscriptionTemplate = Static<typeof SubscriptionTemplateSchema>

/** The configured templates (pass them to wx.requestSubscribeMessage) and the grants left. */
export const SubscriptionsSchema = Type.Object({ templates: Type.Array(SubscriptionTemplateSchema) })
export type Subscriptions = Static<typeof SubscriptionsSchema>

export const OutboxItemSchema = Type.Object({
  id: Type.String(),
  eventId: Type.String(),
  userId: Type.String(),
  ticketId: Type.String(),
  event: NotificationEventSchema,
  channel: NotificationChannelSchema,
  status: NotificationStatusSchema,
  title: Type.String(),
  body: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Type.String({ format: 'date-time' }),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  deliveredAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type OutboxItem = Static<typeof OutboxItemSchema>

export const OutboxQuerySchema = Type.Object({
  ticketId: Type.Optional(Type.String({ maxLength: 36 })),
  status: Type.Optional(NotificationStatusSchema),
  channel: Type.Optional(NotificationChannelSchema),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
})
export type OutboxQuery = Static<typeof OutboxQuerySchema>

export const OutboxPageSchema = Type.Object({
  items: Type.Array(OutboxItemSchema),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
})
export type OutboxPage = Static<typeof OutboxPageSchema>
