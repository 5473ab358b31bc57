import type { ReactNode } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { getSubtype, type EvidenceKind } from '@shared/catalog-data'
import { evidenceSlots, validateEvidence, validateField } from '../ticket-form.helpers'
import type { TicketDraft } from '../ticket-form.types'
import { EvidenceSlot } from './evidence-slot'
import { FormField } from './form-field'
import { withValue } from './input-value'
import { named, t } from '@/lib/i18n'

interface Props {
  draft: TicketDraft
  touched: string[]
  onChange(patch: Partial<TicketDraft>): void
  onBlur(key: string): void
  onAdd(kind: EvidenceKind, paths: string[]): void
  onRemove(kind: EvidenceKind, key: string): void
  /** The notification offer (WeChat subscribe messages or email), platform-specific. */
  notify: ReactNode
}

/** Step 4: exactly the evidence the catalog asks for, optional contact details, notifications. */
export function EvidenceStep({ draft, touched, onChange, onBlur, onAdd, onRemove, notify }: Props) {
  const slots = evidenceSlots(draft.subtype)
  const contactError = (f: 'contactEmail' | 'contactPhone') => (touched.includes(f) ? validateField(f, draft[f], false) : null)
  return (
    <View className='tf-step'>
      <Text className='tf-step__title'>
        {t('tickets.evidenceTitle', { sub: named(getSubtype(draft.subtype ?? '') ?? { zh: '', en: '' }) })}
      </Text>
      <View className='tf-card'>
        {slots.length === 0 ? (
          <Text className='tf-none'>{t('tickets.noEvidence')}</Text>
        ) : (
          slots.map((req) => (
            <EvidenceSlot
              key={req.kind}
              req={req}
              files={draft.evidence[req.kind] ?? []}
              error={touched.includes(`evidence.${req.kind}`) ? validateEvidence(req, draft.evidence[req.kind]) : null}
              onAdd={onAdd}
              onRemove={onRemove}
            />
          ))
        )}
      </View>
      <View className='tf-card'>
        <FormField id='contactPhone' label={t('tickets.phone')} hint={t('tickets.phoneHint')} error={contactError('contactPhone')}>
          <Input
            className='tf-input'
            type='number'
            maxlength={11}
            value={draft.contactPhone}
            placeholder={t('tickets.phonePlaceholder')}
            aria-label={t('tickets.phone')}
            onInput={withValue((v) => onChange({ contactPhone: v.trim() }))}
            onBlur={() => onBlur('contactPhone')}
          />
        </FormField>
        <FormField id='contactEmail' label={t('tickets.email')} hint={t('tickets.emailHint')} error={contactError('contactEmail')}>
          <Input
            className='tf-input'
            type='text'
            maxlength={100}
            value={draft.contactEmail}
            placeholder='name@example.com'
            aria-label={t('tickets.email')}
            onInput={withValue((v) => onChange({ contactEmail: v.trim() }))}
            onBlur={() => onBlur('contactEmail')}
          />
        </FormField>
      </View>
      {notify}
    </View>
  )
}
