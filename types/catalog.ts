import { Type, type Static } from 'typebox'
import { EVIDENCE_KIND_IDS, OUTCOMES, REQUIRED_FIELDS, SERVICE_TYPE_IDS, SUBTYPES, type OutcomeId, type SubtypeId } from './catalog-data'

const Text = { zh: Type.String(), en: Type.String() }
const ServiceTypeId = Type.Enum(SERVICE_TYPE_IDS)
const EvidenceKind = Type.Enum(EVIDENCE_KIND_IDS)
const OutcomeIdSchema = Type.Enum(OUTCOMES.map((o) => o.id) as OutcomeId[])
const RequiredFieldSchema = Type.Enum(REQUIRED_FIELDS.map((f) => f.id))

export const CatalogServiceTypeSchema = Type.Object({ id: ServiceTypeId, ...Text, exampleZh: Type.String(), exampleEn: Type.String() })

export const CatalogSubtypeSchema = Type.Object({
  id: Type.Enum(SUBTYPES.map((s) => s.id) as SubtypeId[]),
  serviceType: ServiceTypeId,
  ...Text,
  descriptionZh: Type.String(),
  descriptionEn: Type.String(),
  requiredFields: Type.Array(RequiredFieldSchema),
  evidence: Type.Array(Type.Object({ kind: EvidenceKind, minFiles: Type.Integer(), maxFiles: Type.Integer() })),
  outcomes: Type.Array(OutcomeIdSchema),
})

export const ChannelSchema = Type.Object({
  id: Type.Enum(['hotline', 'email', 'chat', 'wechat', 'ticket']),
  value: Type.String({ description: 'Phone number, email address, or an in-app destination' }),
  ...Text,
  hoursZh: Type.String(),
  hoursEn: Type.String(),
})
export type Channel = Static<typeof ChannelSchema>

export const SlaSchema = Type.Object({
  firstResponseHours: Type.Number({ exclusiveMinimum: 0 }),
  resolutionHours: Type.Number({ exclusiveMinimum: 0 }),
  autoCloseDays: Type.Integer({ description: 'A resolved ticket closes itself after this many days unless confirmed or reopened' }),
})
export type Sla = Static<typeof SlaSchema>

/** WeChat subscribe-message template ids to pass to wx.requestSubscribeMessage when a ticket is submitted. */
export const SubscribeTemplatesSchema = Type.Object({
  accepted: Type.String(),
  replied: Type.String(),
  resolved: Type.String(),
})
export type SubscribeTemplates = Static<typeof SubscribeTemplatesSchema>

export const CatalogSchema = Type.Object({
  serviceTypes: Type.Array(CatalogServiceTypeSchema),
  subtypes: Type.Array(CatalogSubtypeSchema),
  outcomes: Type.Array(Type.Object({ id: OutcomeIdSchema, ...Text })),
  requiredFields: Type.Array(Type.Object({ id: RequiredFieldSchema, ...Text })),
  evidenceKinds: Type.Array(Type.Object({ id: EvidenceKind, ...Text, hintZh: Type.String(), hintEn: Type.String() })),
  tips: Type.Array(
    Type.Object({ id: Type.String(), titleZh: Type.String(), titleEn: Type.String(), bodyZh: Type.String(), bodyEn: Type.String() }),
  ),
  channels: Type.Array(ChannelSchema),
  sla: SlaSchema,
  subscribeTemplates: SubscribeTemplatesSchema,
  patterns: Type.Object({
    orderNo: Type.String({ description: 'ORDER_NO_PATTERN source' }),
    trackingNo: Type.String({ description: 'TRACKING_NO_PATTERN source' }),
  }),
})
export type Catalog = Static<typeof CatalogSchema>
