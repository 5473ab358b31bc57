import type { Catalog } from '../../../types/catalog'
import {
  CHANNEL_DEFAULTS,
  EVIDENCE_KINDS,
  EVIDENCE_KIND_IDS,
  ORDER_NO_PATTERN,
  OUTCOMES,
  REQUIRED_FIELDS,
  SERVICE_TYPES,
  SUBTYPES,
  TIPS,
  TRACKING_NO_PATTERN,
  type ChannelId,
} from '../../../types/catalog-data'
import type { TicketSettings } from '../tickets/tickets.config'

/** The whole catalog from the shared data, with this deployment's channels, SLA and template ids. */
export function buildCatalog(settings: TicketSettings): Catalog {
  const overrides: Partial<Record<ChannelId, string>> = { hotline: settings.hotline, email: settings.email }
  return {
    serviceTypes: SERVICE_TYPES.map((t) => ({ ...t })),
    subtypes: SUBTYPES.map((s) => ({
      ...s,
      requiredFields: [...s.requiredFields],
      evidence: s.evidence.map((e) => ({ ...e })),
      outcomes: [...s.outcomes],
    })),
    outcomes: OUTCOMES.map((o) => ({ ...o })),
    requiredFields: REQUIRED_FIELDS.map((f) => ({ ...f })),
    evidenceKinds: EVIDENCE_KIND_IDS.map((id) => ({ id, ...EVIDENCE_KINDS[id] })),
    tips: TIPS.map((t) => ({ ...t })),
    channels: (Object.keys(CHANNEL_DEFAULTS) as ChannelId[]).map((id) => ({
      id,
      ...CHANNEL_DEFAULTS[id],
      value: overrides[id] ?? CHANNEL_DEFAULTS[id].value,
    })),
    sla: { ...settings.sla },
    subscribeTemplates: { ...settings.subscribeTemplates },
    patterns: { orderNo: ORDER_NO_PATTERN.source, trackingNo: TRACKING_NO_PATTERN.source },
  }
}
