import type { EvidenceKind, OutcomeId, RequiredField, ServiceTypeId, SubtypeId } from '@shared/catalog-data'

/** One file in an evidence slot; only `done` files survive a restart (temp paths do not). */
export interface EvidenceFile {
  /** Local key for React lists and progress updates. */
  key: string
  localPath: string
  status: 'uploading' | 'done' | 'failed'
  progress: number
  uploadId?: string
  url?: string
  error?: string
}

/** What the shopper has typed so far; persisted as they type. */
export interface TicketDraft {
  step: FormStep
  serviceType: ServiceTypeId | null
  subtype: SubtypeId | null
  orderNo: string
  productName: string
  purchasedAt: string
  description: string
  outcome: OutcomeId | null
  evidence: Partial<Record<EvidenceKind, EvidenceFile[]>>
  contactEmail: string
  contactPhone: string
  /** The case this ticket continues (the chat it was started from). */
  caseNo?: string
  /** One key per draft: a retried or double-tapped submit creates a single ticket. */
  idempotencyKey: string
  updatedAt: string
}

export type FormStep = 0 | 1 | 2 | 3

/** Fields a shopper types in step 3 and 4 (catalog fields plus optional contact). */
export type DraftField = RequiredField | 'outcome' | 'contactEmail' | 'contactPhone' | 'serviceType' | 'subtype'

/** A field or evidence slot with its Chinese message; `key` is what the UI anchors to. */
export interface FormError {
  key: DraftField | `evidence.${EvidenceKind}`
  message: string
}
