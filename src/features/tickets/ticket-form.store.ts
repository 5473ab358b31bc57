import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { EvidenceKind } from '@shared/catalog-data'
import { ApiError } from '@/lib/http'
import { taroStateStorage } from '@/lib/storage'
import { applyPrefill, allErrors, emptyDraft, restoreDraft, stepErrors, type PrefillParams } from './ticket-form.helpers'
import type { EvidenceFile, FormError, FormStep, TicketDraft } from './ticket-form.types'
import { createTicket, uploadEvidence } from './tickets.api'
import { toCreateBody } from './tickets.mapping'
import { t } from '@/lib/i18n'

export const DRAFT_STORAGE_KEY = 'sd.ticket-draft'

interface FormState {
  draft: TicketDraft
  /** Field keys the shopper has left or tried to pass, so errors show only where they matter. */
  touched: string[]
  submitting: boolean
  submitError: string | null
  update(patch: Partial<TicketDraft>): void
  touch(...keys: string[]): void
  /** Moves to `step` when the current one is complete; returns the blocking errors otherwise. */
  goTo(step: FormStep): FormError[]
  prefill(params: PrefillParams): void
  startOver(): void
  addFiles(kind: EvidenceKind, paths: string[]): Promise<void>
  removeFile(kind: EvidenceKind, key: string): void
  /** Submits once per draft; resolves the new ticket id, or null with `submitError` set. */
  submit(): Promise<string | null>
}

let fileSeq = 0
const stamp = (d: TicketDraft): TicketDraft => ({ ...d, updatedAt: new Date().toISOString() })

/** The ticket form: one draft, persisted as the shopper types, restored after a restart. */
export const useTicketForm = create<FormState>()(
  persist(
    (set, get) => {
      const patchFile = (kind: EvidenceKind, key: string, patch: Partial<EvidenceFile>) =>
        set((s) => ({
          draft: stamp({
            ...s.draft,
            evidence: { ...s.draft.evidence, [kind]: (s.draft.evidence[kind] ?? []).map((f) => (f.key === key ? { ...f, ...patch } : f)) },
          }),
        }))
      return {
        draft: emptyDraft(),
        touched: [],
        submitting: false,
        submitError: null,
        update: (patch) => set((s) => ({ draft: stamp({ ...s.draft, ...patch }), submitError: null })),
        touch: (...keys) => set((s) => ({ touched: Array.from(new Set([...s.touched, ...keys])) })),
        goTo: (step) => {
          const { draft } = get()
          const blocking = step > draft.step ? stepErrors(draft, draft.step) : []
          if (blocking.length) {
            get().touch(...blocking.map((e) => e.key))
            return blocking
          }
          set({ draft: stamp({ ...draft, step }) })
          return []
        },
        prefill: (params) => set((s) => ({ draft: stamp(applyPrefill(s.draft, params)) })),
        startOver: () => set({ draft: emptyDraft(), touched: [], submitError: null }),
        addFiles: async (kind, paths) => {
          const added: EvidenceFile[] = paths.map((p) => ({
            key: `f${Date.now()}-${fileSeq++}`,
            localPath: p,
            status: 'uploading',
            progress: 0,
          }))
          set((s) => ({
            draft: stamp({ ...s.draft, evidence: { ...s.draft.evidence, [kind]: [...(s.draft.evidence[kind] ?? []), ...added] } }),
          }))
          await Promise.all(
            added.map(async (f) => {
              try {
                const res = await uploadEvidence(f.localPath, (progress) => patchFile(kind, f.key, { progress }))
                patchFile(kind, f.key, { status: 'done', progress: 100, uploadId: res.id, url: res.url })
              } catch (e) {
                patchFile(kind, f.key, { status: 'failed', error: e instanceof ApiError ? e.message : t('tickets.uploadRetry') })
              }
            }),
          )
        },
        removeFile: (kind, key) =>
          set((s) => ({
            draft: stamp({
              ...s.draft,
              evidence: { ...s.draft.evidence, [kind]: (s.draft.evidence[kind] ?? []).filter((f) => f.key !== key) },
            }),
          })),
        submit: async () => {
          const { draft, submitting } = get()
          if (submitting) return null
          const errors = allErrors(draft)
          if (errors.length) {
            set({ touched: Array.from(new Set([...get().touched, ...errors.map((e) => e.key)])), submitError: errors[0].message })
            return null
          }
          set({ submitting: true, submitError: null })
          try {
            const ticket = await createTicket(toCreateBody(draft), draft.idempotencyKey)
            set({ draft: emptyDraft(), touched: [], submitting: false })
            return ticket.id
          } catch (e) {
            // The key stays with the draft: a retry after a timeout returns the same ticket.
            set({ submitting: false, submitError: e instanceof ApiError ? e.message : t('tickets.submitFailed') })
            return null
          }
        },
      }
    },
    {
      name: DRAFT_STORAGE_KEY,
      storage: createJSONStorage(() => taroStateStorage),
      partialize: (s) => ({ draft: s.draft }),
      merge: (persisted, current) => ({
        ...current,
        draft: restoreDraft((persisted as { draft?: unknown } | undefined)?.draft, new Date(), emptyDraft),
      }),
    },
  ),
)
