import { hasMessage, named, t } from '@/lib/i18n'
import { EVIDENCE_KINDS, getServiceType, getSubtype, SLA_DEFAULTS, type EvidenceKind } from '@shared/catalog-data'

/** "刚刚", "3 分钟", "1 小时 5 分", "2 天 3 小时" for a span in milliseconds. */
export function durationLabel(ms: number): string {
  if (!Number.isFinite(ms) || ms < 60_000) return ms < 0 || !Number.isFinite(ms) ? '—' : t('agent.duration.underMinute')
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 60) return t('agent.duration.minutes', { m: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return t('agent.duration.hoursMinutes', { h: hours, m: minutes % 60 })
  const days = Math.floor(hours / 24)
  return t('agent.duration.daysHours', { d: days, h: hours % 24 })
}

/** How long someone has waited since `sinceIso`, as a label. */
export function waitedLabel(sinceIso: string, now: number = Date.now()): string {
  return durationLabel(now - Date.parse(sinceIso))
}

/** Waits over this long are shown in red in the queue. */
export const LONG_WAIT_MS = 5 * 60_000

/** The name of a service type id, in the active language ("order" → "订单"); unknown ids pass through. */
export function serviceTypeLabel(id: string | null | undefined): string {
  if (!id) return t('agent.unclassified')
  const type = getServiceType(id)
  return type ? named(type) : id
}

/** Where a measured time stands against its SLA target. */
export type SlaLevel = 'ok' | 'warn' | 'breach' | 'none'

/** ok under 75 % of the target, warn up to it, breach beyond; none when nothing was measured. */
export function slaLevel(actualMs: number | null | undefined, targetHours: number): SlaLevel {
  if (actualMs === null || actualMs === undefined || !Number.isFinite(actualMs)) return 'none'
  const target = targetHours * 3_600_000
  if (actualMs > target) return 'breach'
  return actualMs > target * 0.75 ? 'warn' : 'ok'
}

export const SLA_TARGETS = { firstResponseHours: SLA_DEFAULTS.firstResponseHours, resolutionHours: SLA_DEFAULTS.resolutionHours }

/** "4.6" for an average score, "—" when there were no ratings. */
export function ratingLabel(avg: number | null | undefined): string {
  return avg === null || avg === undefined ? '—' : avg.toFixed(1)
}

/** A readable label for a bot intent ("handoff.complaint" → "投诉", "order.not_shipped" → "订单 · 未发货"). */
export function intentLabel(intent: string | null | undefined): string {
  if (!intent) return '—'
  const [head, tail] = intent.split('.')
  if (head === 'handoff') {
    const key = `agent.handoff.${tail}`
    return hasMessage(key) ? t(key) : t('agent.handoffGeneric')
  }
  if (intent === 'unknown' || intent === 'invalid_input') return t('agent.intentUnknown')
  if (intent === 'greeting' || intent === 'thanks') return t('agent.intentSmallTalk')
  const sub = tail ? getSubtype(tail) : undefined
  const type = getServiceType(head)
  if (type && sub) return `${named(type)} · ${named(sub)}`
  return type ? t('agent.intentType', { type: named(type) }) : intent
}

/** "商品照片" for an evidence kind id; unknown ids pass through. */
export function evidenceLabel(kind: string): string {
  return kind in EVIDENCE_KINDS ? named(EVIDENCE_KINDS[kind as EvidenceKind]) : kind
}

/** A chat's state for the agent ("assigned" → "进行中"); unknown states pass through. */
export function chatStatusLabel(status: string): string {
  const key = `agent.chatStatus.${status}`
  return hasMessage(key) ? t(key) : status
}
