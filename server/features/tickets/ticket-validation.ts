import { EVIDENCE_KINDS, REQUIRED_FIELDS, getSubtype, isOrderNo, type RequiredField } from '../../../types/catalog-data'
import type { AttachmentInput, Contact, CreateTicketBody, TicketChannel } from '../../../types/ticket'
import { HttpError } from '../../plugins/errors'

// Files of kind `other` (anything not asked for as evidence) per submission or reply.
const MAX_OTHER_FILES = 9

/** A submission after the catalog's checks: trimmed, with blanks as null. */
export interface ValidTicketInput {
  serviceType: CreateTicketBody['serviceType']
  subtype: CreateTicketBody['subtype']
  orderNo: string | null
  productName: string | null
  purchasedAt: string | null
  description: string
  outcome: NonNullable<CreateTicketBody['outcome']> | null
  attachments: AttachmentInput[]
  contact: { email: string | null; phone: string | null }
  channel: TicketChannel
}

const blankToNull = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : null)
const fieldLabel = (f: RequiredField) => REQUIRED_FIELDS.find((r) => r.id === f)!

/** Mainland mobile numbers are stored as their 11 digits. */
export function normalizePhone(phone: string | undefined): string | null {
  return phone ? phone.replace(/^\+?86[- ]?/, '') : null
}

/** Normalized contact details; the schema has already checked their format. */
export function normalizeContact(c: Contact | undefined): { email: string | null; phone: string | null } {
  return { email: blankToNull(c?.email)?.toLowerCase() ?? null, phone: normalizePhone(c?.phone) }
}

/** Same upload twice in one list is a mistake on the client's side. */
export function assertDistinctUploads(attachments: AttachmentInput[]): void {
  const seen = new Set<string>()
  attachments.forEach((a, i) => {
    if (seen.has(a.uploadId))
      throw new HttpError(400, 'VALIDATION_FAILED', 'This file is attached twice.', `body.attachments.${i}.uploadId`)
    seen.add(a.uploadId)
  })
}

function checkEvidence(subtypeId: string, attachments: AttachmentInput[]): void {
  const subtype = getSubtype(subtypeId)!
  for (const req of subtype.evidence) {
    const got = attachments.filter((a) => a.kind === req.kind).length
    const label = EVIDENCE_KINDS[req.kind]
    if (got < req.minFiles) {
      const msg = `${subtype.en} (${subtype.zh}) needs at least ${req.minFiles} × ${label.en} (${label.zh}); got ${got}.`
      throw new HttpError(400, 'EVIDENCE_REQUIRED', msg, 'body.attachments', {
        params: { kind: req.kind, minFiles: req.minFiles, got },
        details: { kind: req.kind, minFiles: req.minFiles, got },
      })
    }
    if (got > req.maxFiles) {
      const msg = `At most ${req.maxFiles} × ${label.en} (${label.zh}).`
      throw new HttpError(400, 'TOO_MANY_FILES', msg, 'body.attachments', {
        params: { kind: req.kind, maxFiles: req.maxFiles, got },
        details: { kind: req.kind, maxFiles: req.maxFiles, got },
      })
    }
  }
  if (attachments.filter((a) => a.kind === 'other').length > MAX_OTHER_FILES) {
    throw new HttpError(400, 'TOO_MANY_FILES', `At most ${MAX_OTHER_FILES} other files.`, 'body.attachments', {
      params: { kind: 'other', maxFiles: MAX_OTHER_FILES },
      details: { kind: 'other' },
    })
  }
}

/** Applies the catalog to a submission: subtype of the service type, required fields, evidence, outcome. */
export function validateTicketInput(body: CreateTicketBody, today: string): ValidTicketInput {
  const subtype = getSubtype(body.subtype)!
  if (subtype.serviceType !== body.serviceType) {
    throw new HttpError(400, 'SUBTYPE_MISMATCH', `"${body.subtype}" is not a kind of "${body.serviceType}" problem.`, 'body.subtype', {
      params: { subtype: body.subtype, serviceType: body.serviceType },
    })
  }
  const input: ValidTicketInput = {
    serviceType: body.serviceType,
    subtype: body.subtype,
    orderNo: blankToNull(body.orderNo),
    productName: blankToNull(body.productName),
    purchasedAt: blankToNull(body.purchasedAt),
    description: body.description.trim(),
    outcome: body.outcome ?? null,
    attachments: body.attachments,
    contact: normalizeContact(body.contact),
    channel: body.channel ?? 'app',
  }
  for (const f of subtype.requiredFields) {
    if (!input[f]) {
      const label = fieldLabel(f)
      throw new HttpError(400, 'FIELD_REQUIRED', `${label.en} is required for ${subtype.en}.`, `body.${f}`, {
        params: { field: `body.${f}` },
      })
    }
  }
  if (!input.description)
    throw new HttpError(400, 'FIELD_REQUIRED', 'Describe the problem.', 'body.description', {
      params: { field: 'body.description' },
    })
  if (input.orderNo && !isOrderNo(input.orderNo)) {
    throw new HttpError(400, 'INVALID_ORDER_NO', 'The order number should be 16 to 20 digits.', 'body.orderNo', {
      params: { minDigits: 16, maxDigits: 20 },
    })
  }
  if (input.purchasedAt && input.purchasedAt > today) {
    throw new HttpError(400, 'VALIDATION_FAILED', 'The purchase date cannot be in the future.', 'body.purchasedAt')
  }
  if (input.outcome && !(subtype.outcomes as readonly string[]).includes(input.outcome)) {
    const allowed = subtype.outcomes.join(', ')
    throw new HttpError(400, 'OUTCOME_NOT_ALLOWED', `For ${subtype.en} you can ask for: ${allowed}.`, 'body.outcome', {
      params: { allowed },
      details: { allowed: subtype.outcomes },
    })
  }
  assertDistinctUploads(input.attachments)
  checkEvidence(input.subtype, input.attachments)
  return input
}
