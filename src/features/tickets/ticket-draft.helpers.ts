import { EVIDENCE_KIND_IDS, getSubtype, isServiceTypeId, isSubtypeId, type EvidenceKind, type OutcomeId } from '@shared/catalog-data'
import { normalizeCaseNo } from '@shared/chat-data'
import type { EvidenceFile, FormStep, TicketDraft } from './ticket-form.types'

/** How long an untouched draft is kept before a fresh form is offered. */
export const DRAFT_TTL_DAYS = 7

/** Entry-point query params that prefill the form (FAQ, bot, order cards). */
export interface PrefillParams {
  serviceType?: string
  subtype?: string
  orderNo?: string
  description?: string
  /** The chat's case number, so the ticket joins the same case. */
  caseNo?: string
}

function safeDecode(v: string | undefined): string {
  if (!v) return ''
  try {
    return decodeURIComponent(v).trim()
  } catch {
    return v.trim()
  }
}

/**
 * Applies entry-point params over a draft. A known subtype implies its service type and jumps to
 * the details step; unknown ids are ignored so a stale link never breaks the form.
 */
export function applyPrefill(d: TicketDraft, params: PrefillParams): TicketDraft {
  const subtypeId = safeDecode(params.subtype)
  const typeId = safeDecode(params.serviceType)
  const next: TicketDraft = { ...d }
  if (isSubtypeId(subtypeId)) {
    const s = getSubtype(subtypeId)!
    next.serviceType = s.serviceType
    next.subtype = s.id
    next.step = 2
  } else if (isServiceTypeId(typeId)) {
    if (next.serviceType !== typeId) next.subtype = null
    next.serviceType = typeId
    next.step = 1
  }
  const orderNo = safeDecode(params.orderNo).replace(/\s+/g, '')
  if (orderNo) next.orderNo = orderNo.slice(0, 40)
  const description = safeDecode(params.description)
  if (description && !next.description.trim()) next.description = description.slice(0, 2000)
  const caseNo = normalizeCaseNo(safeDecode(params.caseNo))
  if (caseNo) next.caseNo = caseNo
  return next
}

/** True when the params carry anything worth prefilling. */
export function hasPrefill(params: PrefillParams): boolean {
  return Boolean(params.serviceType || params.subtype || params.orderNo || params.description)
}

/**
 * Cleans a draft read back from storage: drops unknown catalog ids, files whose upload never
 * finished (their temp paths died with the old process), and drafts older than the TTL. Keeps the
 * idempotency key so a submit that may have reached the server is not repeated as a new ticket.
 */
export function restoreDraft(saved: unknown, now = new Date(), fresh: () => TicketDraft): TicketDraft {
  if (!saved || typeof saved !== 'object') return fresh()
  const s = saved as Partial<TicketDraft>
  const updated = Date.parse(s.updatedAt ?? '')
  if (!Number.isFinite(updated) || now.getTime() - updated > DRAFT_TTL_DAYS * 86_400_000) return fresh()
  const base = fresh()
  const serviceType = typeof s.serviceType === 'string' && isServiceTypeId(s.serviceType) ? s.serviceType : null
  const sub = typeof s.subtype === 'string' && isSubtypeId(s.subtype) ? getSubtype(s.subtype) : undefined
  const subtype = sub && sub.serviceType === serviceType ? sub.id : null
  const outcomes: readonly string[] = subtype ? sub!.outcomes : []
  const evidence: TicketDraft['evidence'] = {}
  for (const kind of EVIDENCE_KIND_IDS) {
    const files = (s.evidence?.[kind] ?? []).filter((f): f is EvidenceFile => !!f && f.status === 'done' && !!f.uploadId)
    if (files.length) evidence[kind as EvidenceKind] = files
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  const maxStep: FormStep = !serviceType ? 0 : !subtype ? 1 : 3
  const step = Math.min(typeof s.step === 'number' ? s.step : 0, maxStep) as FormStep
  return {
    ...base,
    step,
    serviceType,
    subtype,
    orderNo: text(s.orderNo),
    productName: text(s.productName),
    purchasedAt: text(s.purchasedAt),
    description: text(s.description),
    outcome: s.outcome && outcomes.includes(s.outcome) ? (s.outcome as OutcomeId) : null,
    evidence,
    contactEmail: text(s.contactEmail),
    contactPhone: text(s.contactPhone),
    ...(typeof s.caseNo === 'string' && normalizeCaseNo(s.caseNo) ? { caseNo: normalizeCaseNo(s.caseNo)! } : {}),
    idempotencyKey: typeof s.idempotencyKey === 'string' && s.idempotencyKey.length >= 16 ? s.idempotencyKey : base.idempotencyKey,
    updatedAt: s.updatedAt!,
  }
}

/** True when the shopper has typed or picked anything worth keeping. */
export function isDraftStarted(d: TicketDraft): boolean {
  return Boolean(d.serviceType || d.orderNo || d.description || d.productName || Object.keys(d.evidence).length)
}

/**
 * The key to send with this submit: the draft's own key, reused for every retry and double tap.
 * Only a successful submit (which clears the draft) or the shopper starting over yields a new one.
 */
export function idempotencyKeyFor(d: TicketDraft): string {
  return d.idempotencyKey
}
