import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { getOutcome, getSubtype, type RequiredField } from '@shared/catalog-data'
import { LengthCount } from '@/components/length-count'
import { DESCRIPTION_MAX, detailFields, fieldLabel, validateField } from '../ticket-form.helpers'
import type { TicketDraft } from '../ticket-form.types'
import type { OrderOption } from '../tickets.mapping'
import { FormField } from './form-field'
import { withValue } from './input-value'
import { named, t } from '@/lib/i18n'

interface Props {
  draft: TicketDraft
  touched: string[]
  orders: OrderOption[]
  onChange(patch: Partial<TicketDraft>): void
  onBlur(key: string): void
}

/** Step 3: the fields the catalog asks for this problem, the order picker and the wanted outcome. */
export function DetailsStep({ draft, touched, orders, onChange, onBlur }: Props) {
  const sub = getSubtype(draft.subtype ?? '')
  const today = new Date().toISOString().slice(0, 10)
  const errorOf = (f: RequiredField, required: boolean) => (touched.includes(f) ? validateField(f, draft[f], required) : null)
  const pickOrder = (o: OrderOption) =>
    onChange({
      orderNo: o.orderNo,
      productName: draft.productName || o.productName,
      purchasedAt: draft.purchasedAt || o.purchasedAt.slice(0, 10),
    })
  const renderField = (f: RequiredField, required: boolean) => {
    const error = errorOf(f, required)
    if (f === 'description') {
      return (
        <FormField key={f} id={f} label={fieldLabel(f)} required={required} hint={t(`tickets.hints.${f}`)} error={error}>
          <Textarea
            className='tf-textarea'
            value={draft.description}
            maxlength={DESCRIPTION_MAX}
            placeholder={t('tickets.descPlaceholder')}
            aria-label={fieldLabel(f)}
            onInput={withValue((description) => onChange({ description }))}
            onBlur={() => onBlur(f)}
          />
          <LengthCount
            length={draft.description.length}
            max={DESCRIPTION_MAX}
            fullText={t('tickets.lengthFull', { max: DESCRIPTION_MAX })}
          />
        </FormField>
      )
    }
    if (f === 'purchasedAt') {
      return (
        <FormField key={f} id={f} label={fieldLabel(f)} required={required} hint={t(`tickets.hints.${f}`)} error={error}>
          <Picker
            mode='date'
            value={draft.purchasedAt || today}
            end={today}
            onChange={(e) => onChange({ purchasedAt: String(e.detail.value) })}
          >
            <View className={`tf-input tf-picker ${draft.purchasedAt ? '' : 'tf-picker--empty'}`} aria-label={fieldLabel(f)}>
              {draft.purchasedAt || t('tickets.pickDate')}
            </View>
          </Picker>
        </FormField>
      )
    }
    return (
      <FormField key={f} id={f} label={fieldLabel(f)} required={required} hint={t(`tickets.hints.${f}`)} error={error}>
        {f === 'orderNo' && orders.length > 0 && (
          <View className='tf-orders' aria-label={t('tickets.recentOrders')}>
            {orders.slice(0, 5).map((o) => (
              <View
                key={o.orderNo}
                className={`tf-order ${draft.orderNo === o.orderNo ? 'tf-order--on' : ''}`}
                role='button'
                ariaRole='button'
                onClick={() => pickOrder(o)}
              >
                <Text className='tf-order__title'>{o.label}</Text>
                <Text className='tf-order__no'>
                  {o.orderNo} · {o.purchasedAt.slice(0, 10)}
                </Text>
              </View>
            ))}
          </View>
        )}
        <Input
          className='tf-input'
          type={f === 'orderNo' ? 'number' : 'text'}
          value={draft[f]}
          maxlength={f === 'orderNo' ? 20 : 100}
          placeholder={
            f === 'orderNo'
              ? orders.length
                ? t('tickets.orderNoOr')
                : t('tickets.orderNoPlaceholder')
              : t('tickets.inputPlaceholder', { label: fieldLabel(f) })
          }
          aria-label={fieldLabel(f)}
          onInput={withValue((v) => onChange({ [f]: f === 'orderNo' ? v.replace(/\s+/g, '') : v }))}
          onBlur={() => onBlur(f)}
        />
      </FormField>
    )
  }
  return (
    <View className='tf-step'>
      <Text className='tf-step__title'>{t('tickets.detailsTitle', { sub: sub ? named(sub) : '' })}</Text>
      <View className='tf-card'>{detailFields(draft.subtype).map(({ field, required }) => renderField(field, required))}</View>
      <View className='tf-card'>
        <FormField
          id='outcome'
          label={t('tickets.outcomeLabel')}
          required
          error={touched.includes('outcome') && !draft.outcome ? t('tickets.required.outcome') : null}
        >
          <View className='tf-chips' role='radiogroup' ariaRole='radiogroup' aria-label={t('tickets.outcomeLabel')}>
            {(sub?.outcomes ?? []).map((id) => (
              <View
                key={id}
                className={`tf-chip ${draft.outcome === id ? 'tf-chip--on' : ''}`}
                role='radio'
                ariaRole='radio'
                aria-checked={draft.outcome === id}
                onClick={() => onChange({ outcome: id })}
              >
                {named(getOutcome(id) ?? { zh: id, en: id })}
              </View>
            ))}
          </View>
        </FormField>
      </View>
    </View>
  )
}
