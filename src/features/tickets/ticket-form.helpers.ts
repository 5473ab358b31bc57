import {
  EVIDENCE_KINDS,
  REQUIRED_FIELDS,
  getSubtype,
  isOrderNo,
  requirementsFor,
  type EvidenceKind,
  type EvidenceRequirement,
  type OutcomeId,
  type RequiredField,
} from '@shared/catalog-data'
import type { DraftField, EvidenceFile, FormError, FormStep, TicketDraft } from './ticket-form.types'
import { hasMessage, named, t } from '@/lib/i18n'

export const DESCRIPTION_MIN = 10
export const DESCRIPTION_MAX = 2000
export const PRODUCT_MAX = 100
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/
const PHONE = /^1[3-9]\d{9}$/

/** A random RFC 4122 v4 id without crypto APIs (absent in some mini-program runtimes). */
export function newIdempotencyKey(rand: () => number = Math.random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)
  const s = hex.join('')
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`
}

/** An empty draft with its own idempotency key. */
export function emptyDraft(now = new Date(), key = newIdempotencyKey()): TicketDraft {
  return {
    step: 0,
    serviceType: null,
    subtype: null,
    orderNo: '',
    productName: '',
    purchasedAt: '',
    description: '',
    outcome: null,
    evidence: {},
    contactEmail: '',
    contactPhone: '',
    idempotencyKey: key,
    updatedAt: now.toISOString(),
  }
}

/** Label of a catalog field in the shopper's language. */
export function fieldLabel(field: RequiredField): string {
  return named(REQUIRED_FIELDS.find((f) => f.id === field) ?? { zh: field, en: field })
}

/** Fields step 3 shows for the chosen subtype: the catalog's required ones first, then the optional rest. */
export function detailFields(subtypeId: string | null): { field: RequiredField; required: boolean }[] {
  const required = new Set<RequiredField>(requirementsFor(subtypeId ?? '')?.fields ?? [])
  return REQUIRED_FIELDS.map((f) => ({ field: f.id, required: required.has(f.id) })).sort((a, b) => Number(b.required) - Number(a.required))
}

/** The evidence slots the catalog asks for this subtype (nothing more, nothing less). */
export function evidenceSlots(subtypeId: string | null): (EvidenceRequirement & { label: string; hint: string })[] {
  return (requirementsFor(subtypeId ?? '')?.evidence ?? []).map((e) => ({
    ...e,
    label: named(EVIDENCE_KINDS[e.kind]),
    hint: named({ zh: EVIDENCE_KINDS[e.kind].hintZh, en: EVIDENCE_KINDS[e.kind].hintEn }),
  }))
}

/** Uploaded (not pending, not failed) files of one slot. */
export function doneFiles(files: EvidenceFile[] | undefined): EvidenceFile[] {
  return (files ?? []).filter((f) => f.status === 'done' && f.uploadId)
}

/** The message for one field's value, or null when it is fine. */
export function validateField(field: DraftField, value: string, required: boolean, today = new Date()): string | null {
  const v = value.trim()
  if (!v) return required ? requiredMessage(field) : null
  switch (field) {
    case 'orderNo':
      return isOrderNo(v) ? null : t('tickets.orderNoInvalid')
    case 'productName':
      return v.length > PRODUCT_MAX ? t('tickets.productTooLong', { n: PRODUCT_MAX }) : null
    case 'purchasedAt':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) return t('tickets.purchasedAtFormat')
      return v > today.toISOString().slice(0, 10) ? t('tickets.purchasedAtFuture') : null
    case 'description':
      if (v.length < DESCRIPTION_MIN) return t('tickets.descTooShort', { n: DESCRIPTION_MIN })
      return v.length > DESCRIPTION_MAX ? t('tickets.descTooLong', { n: DESCRIPTION_MAX }) : null
    case 'contactEmail':
      return EMAIL.test(v) ? null : t('tickets.emailInvalid')
    case 'contactPhone':
      return PHONE.test(v) ? null : t('tickets.phoneInvalid')
    default:
      return null
  }
}

function requiredMessage(field: DraftField): string {
  return t(`tickets.required.${field}`)
}

/** The message for an evidence slot that has too few or too many files, or null. */
export function validateEvidence(req: EvidenceRequirement, files: EvidenceFile[] | undefined): string | null {
  const done = doneFiles(files).length
  const label = named(EVIDENCE_KINDS[req.kind])
  if ((files ?? []).some((f) => f.status === 'uploading')) return t('tickets.evidenceUploading', { label })
  if (done < req.minFiles) {
    return done === 0
      ? t('tickets.evidenceNone', { label, min: req.minFiles })
      : t('tickets.evidenceFew', { label, min: req.minFiles, left: req.minFiles - done })
  }
  return done > req.maxFiles ? t('tickets.evidenceTooMany', { label, max: req.maxFiles }) : null
}

/** Errors of the details step (catalog-required fields, formats, outcome). */
export function detailErrors(d: TicketDraft, today = new Date()): FormError[] {
  const errors: FormError[] = []
  for (const { field, required } of detailFields(d.subtype)) {
    const msg = validateField(field, d[field], required, today)
    if (msg) errors.push({ key: field, message: msg })
  }
  const outcomes: readonly OutcomeId[] = requirementsFor(d.subtype ?? '')?.outcomes ?? []
  if (!d.outcome || !outcomes.includes(d.outcome)) errors.push({ key: 'outcome', message: requiredMessage('outcome') })
  return errors
}

/** Errors of the evidence step (catalog evidence and optional contact). */
export function evidenceErrors(d: TicketDraft): FormError[] {
  const errors: FormError[] = []
  for (const req of requirementsFor(d.subtype ?? '')?.evidence ?? []) {
    const msg = validateEvidence(req, d.evidence[req.kind])
    if (msg) errors.push({ key: `evidence.${req.kind}`, message: msg })
  }
  for (const field of ['contactEmail', 'contactPhone'] as const) {
    const msg = validateField(field, d[field], false)
    if (msg) errors.push({ key: field, message: msg })
  }
  return errors
}

/** Every error that blocks submitting, in the order the form shows them. */
export function allErrors(d: TicketDraft, today = new Date()): FormError[] {
  if (!d.serviceType) return [{ key: 'serviceType', message: requiredMessage('serviceType') }]
  if (!d.subtype || getSubtype(d.subtype)?.serviceType !== d.serviceType) return [{ key: 'subtype', message: requiredMessage('subtype') }]
  return [...detailErrors(d, today), ...evidenceErrors(d)]
}

/** Errors that keep the shopper on `step` (the steps before it are assumed done). */
export function stepErrors(d: TicketDraft, step: FormStep, today = new Date()): FormError[] {
  if (step === 0) return d.serviceType ? [] : [{ key: 'serviceType', message: requiredMessage('serviceType') }]
  if (step === 1) return allErrors(d, today).filter((e) => e.key === 'subtype' || e.key === 'serviceType')
  if (step === 2) return detailErrors(d, today)
  return evidenceErrors(d)
}

/** What the submit button says is still missing, e.g. "还差：订单号、商品照片 1 张"; null when ready. */
export function missingSummary(d: TicketDraft, today = new Date()): string | null {
  const errors = allErrors(d, today)
  if (errors.length === 0) return null
  const parts = errors.map((e) => shortName(e, d))
  return t('tickets.missing', { parts: Array.from(new Set(parts)).join(t('tickets.sep')) })
}

function shortName(e: FormError, d: TicketDraft): string {
  if (e.key.startsWith('evidence.')) {
    const kind = e.key.slice('evidence.'.length) as EvidenceKind
    const req = requirementsFor(d.subtype ?? '')?.evidence.find((r) => r.kind === kind)
    const missing = (req?.minFiles ?? 0) - doneFiles(d.evidence[kind]).length
    const label = named(EVIDENCE_KINDS[kind])
    return missing > 0 ? t('tickets.missingFiles', { label, n: missing }) : t('tickets.uploadDone', { label })
  }
  const f = REQUIRED_FIELDS.find((x) => x.id === e.key)
  const invalid = f && d[f.id].trim() !== ''
  return f ? (invalid ? t('tickets.correct', { label: named(f) }) : named(f)) : fieldShortName(e.key)
}

function fieldShortName(key: string): string {
  const k = `tickets.shortNames.${key}`
  return hasMessage(k) ? t(k) : key
}

export {
  applyPrefill,
  hasPrefill,
  idempotencyKeyFor,
  isDraftStarted,
  restoreDraft,
  DRAFT_TTL_DAYS,
  type PrefillParams,
} from './ticket-draft.helpers'
