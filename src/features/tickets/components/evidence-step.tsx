import type { ReactNode } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { getSubtype, type EvidenceKind } from '@shared/catalog-data'
import { evidenceSlots, validateEvidence, validateField } from '../ticket-form.helpers'
import type { TicketDraft } from '../ticket-form.types'
import { EvidenceSlot } from './evidence-slot'
import { FormField } from './form-field'
import { withValue } from './input-value'

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
      <Text className='tf-step__title'>{getSubtype(draft.subtype ?? '')?.zh} · 上传凭证</Text>
      <View className='tf-card'>
        {slots.length === 0 ? (
          <Text className='tf-none'>这类问题无需上传凭证，确认联系方式后即可提交。</Text>
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
        <FormField id='contactPhone' label='联系手机' hint='客服可能致电核实，不填则仅在线联系' error={contactError('contactPhone')}>
          <Input
            className='tf-input'
            type='number'
            maxlength={11}
            value={draft.contactPhone}
            placeholder='11 位手机号'
            aria-label='联系手机'
            onInput={withValue((v) => onChange({ contactPhone: v.trim() }))}
            onBlur={() => onBlur('contactPhone')}
          />
        </FormField>
        <FormField id='contactEmail' label='联系邮箱' hint='处理进展也会发送到这个邮箱' error={contactError('contactEmail')}>
          <Input
            className='tf-input'
            type='text'
            maxlength={100}
            value={draft.contactEmail}
            placeholder='name@example.com'
            aria-label='联系邮箱'
            onInput={withValue((v) => onChange({ contactEmail: v.trim() }))}
            onBlur={() => onBlur('contactEmail')}
          />
        </FormField>
      </View>
      {notify}
    </View>
  )
}
