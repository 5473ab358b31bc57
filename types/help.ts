import { Type, type Static } from 'typebox'

/** Service type filter of the FAQ; `general` holds entries that belong to no service type. */
export const FaqCategorySchema = Type.Union([
  Type.Literal('order'),
  Type.Literal('product'),
  Type.Literal('logistics'),
  Type.Literal('payment'),
  Type.Literal('member'),
  Type.Literal('general'),
])
export type FaqCategory = Static<typeof FaqCategorySchema>

export const FaqQuerySchema = Type.Object({
  serviceType: Type.Optional(FaqCategorySchema),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Free-text search, ranked like the service bot does' })),
  lang: Type.Optional(Type.Union([Type.Literal('zh'), Type.Literal('en')], { default: 'zh' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
})
export type FaqQuery = Static<typeof FaqQuerySchema>

/** One question and answer, in the requested language; the same text the bot answers with. */
export const FaqEntrySchema = Type.Object({
  id: Type.String(),
  serviceType: FaqCategorySchema,
  subtype: Type.Optional(Type.String()),
  question: Type.String(),
  answer: Type.String(),
  /** Evidence kinds (catalog ids) worth preparing before contacting service. */
  needsEvidence: Type.Array(Type.String()),
})
export type FaqEntry = Static<typeof FaqEntrySchema>

export const FaqListSchema = Type.Object({
  items: Type.Array(FaqEntrySchema),
  /** True when `q` was given: items are ranked by relevance, best first. */
  ranked: Type.Boolean(),
})
export type FaqList = Static<typeof FaqListSchema>
