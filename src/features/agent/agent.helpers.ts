import { EVIDENCE_KINDS, getServiceType, getSubtype, SLA_DEFAULTS, type EvidenceKind } from '@shared/catalog-data'

/** "刚刚", "3 分钟", "1 小时 5 分", "2 天 3 小时" for a span in milliseconds. */
export function durationLabel(ms: number): string {
  if (!Number.isFinite(ms) || ms < 60_000) return ms < 0 || !Number.isFinite(ms) ? '—' : '不到 1 分钟'
  const minutes = Math.floor(ms / 60_000)
  if (minutes < 60) return `${minutes} 分钟`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return minutes % 60 ? `${hours} 小时 ${minutes % 60} 分` : `${hours} 小时`
  const days = Math.floor(hours / 24)
  return hours % 24 ? `${days} 天 ${hours % 24} 小时` : `${days} 天`
}

/** How long someone has waited since `sinceIso`, as a label. */
export function waitedLabel(sinceIso: string, now: number = Date.now()): string {
  return durationLabel(now - Date.parse(sinceIso))
}

/** Waits over this long are shown in red in the queue. */
export const LONG_WAIT_MS = 5 * 60_000

/** The Chinese name of a service type id ("order" → "订单"); unknown ids pass through. */
export function serviceTypeLabel(id: string | null | undefined): string {
  if (!id) return '未分类'
  return getServiceType(id)?.zh ?? id
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

const HANDOFF_REASONS: Record<string, string> = {
  request: '顾客要求人工',
  complaint: '投诉',
  compensation: '要求赔偿',
  anger: '顾客情绪激动',
  dispute: '纠纷/申诉',
  problem: '需人工处理的问题',
  unhelpful: '智能客服未解决',
  repeated: '多次反映未解决',
  transfer: '转接',
}

/** A readable label for a bot intent ("handoff.complaint" → "投诉", "order.not_shipped" → "订单 · 未发货"). */
export function intentLabel(intent: string | null | undefined): string {
  if (!intent) return '—'
  const [head, tail] = intent.split('.')
  if (head === 'handoff') return HANDOFF_REASONS[tail] ?? '转人工'
  if (intent === 'unknown' || intent === 'invalid_input') return '未识别'
  if (intent === 'greeting' || intent === 'thanks') return '寒暄'
  const sub = tail ? getSubtype(tail) : undefined
  const type = getServiceType(head)
  if (type && sub) return `${type.zh} · ${sub.zh}`
  return type ? `${type.zh}咨询` : intent
}

/** "商品照片" for an evidence kind id; unknown ids pass through. */
export function evidenceLabel(kind: string): string {
  return kind in EVIDENCE_KINDS ? EVIDENCE_KINDS[kind as EvidenceKind].zh : kind
}
