import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Textarea } from '@tarojs/components'
import { CHANNEL_DEFAULTS, SUBTYPES, getSubtype, isOrderNo } from '@shared/catalog-data'
import { LengthCount } from '@/components/length-count'
import { getLang, t } from '@/lib/i18n'
import { isEmail, ticketUrl, type EmailForm } from '../help.helpers'

// Problems that need screenshots or photos go through the ticket form, which can upload them.
const EMAIL_SUBTYPES = SUBTYPES.filter((s) => s.evidence.length === 0)

export interface EmailSheetProps {
  onSubmit: (form: EmailForm) => Promise<void>
  onClose: () => void
}

const MAX_BODY = 1000

const needs = (form: EmailForm, field: 'orderNo' | 'productName') =>
  (getSubtype(form.subtype)?.requiredFields as readonly string[] | undefined)?.includes(field) ?? false

function validate(form: EmailForm): string | null {
  if (!isEmail(form.email)) return t('help.emailInvalid')
  if (needs(form, 'orderNo') && !isOrderNo(form.orderNo)) return t('help.emailOrderInvalid')
  if (needs(form, 'productName') && !form.productName.trim()) return t('help.emailProductMissing')
  if (form.description.trim().length < 10) return t('help.emailTooShort')
  return null
}

/** 邮件咨询: shows the service address and files an email-channel ticket from a short form. */
export function EmailSheet({ onSubmit, onClose }: EmailSheetProps) {
  const address = CHANNEL_DEFAULTS.email.value
  const [form, setForm] = useState<EmailForm>({ email: '', subtype: EMAIL_SUBTYPES[0].id, orderNo: '', productName: '', description: '' })
  const [error, setError] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const patch = (p: Partial<EmailForm>) => {
    setForm((f) => ({ ...f, ...p }))
    setError(null)
  }
  const submit = async () => {
    const problem = validate(form)
    if (problem) return setError(problem)
    setSending(true)
    try {
      await onSubmit({ ...form, email: form.email.trim(), description: form.description.trim() })
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setSending(false)
    }
  }
  return (
    <View className='sheet' role='dialog' ariaRole='dialog' aria-label={t('help.emailTitle')}>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        <View className='sheet__head'>
          <Text className='sheet__title'>{t('help.emailTitle')}</Text>
          <View className='sheet__close' role='button' ariaRole='button' aria-label={t('help.close')} onClick={onClose}>
            ×
          </View>
        </View>
        <Text className='sheet__intro'>{t('help.emailIntro', { addr: address })}</Text>
        <View className='pill email__copy' role='button' ariaRole='button' onClick={() => Taro.setClipboardData({ data: address })}>
          {t('help.copyAddress')}
        </View>
        <Text className='field__label'>{t('help.yourEmail')}</Text>
        <Input
          className='field__input email__address'
          type='text'
          value={form.email}
          placeholder={t('help.yourEmailPlaceholder')}
          maxlength={254}
          aria-label={t('help.yourEmail')}
          onInput={(e) => patch({ email: e.detail.value })}
        />
        <Text className='field__label'>{t('help.emailType')}</Text>
        <View className='chips' role='radiogroup' ariaRole='radiogroup'>
          {EMAIL_SUBTYPES.map((st) => (
            <View
              key={st.id}
              className={`chip ${form.subtype === st.id ? 'chip--active' : ''}`}
              role='radio'
              ariaRole='radio'
              aria-checked={form.subtype === st.id}
              onClick={() => patch({ subtype: st.id })}
            >
              {st[getLang()]}
            </View>
          ))}
        </View>
        <View className='field__hint'>
          <Text>{t('help.emailEvidenceHint')}</Text>
          <View className='link' role='link' ariaRole='link' onClick={() => Taro.navigateTo({ url: ticketUrl() })}>
            {t('help.fileTicket')}
          </View>
        </View>
        {needs(form, 'orderNo') ? (
          <Input
            className='field__input email__order'
            type='number'
            value={form.orderNo}
            placeholder={t('help.emailOrderPlaceholder')}
            maxlength={20}
            aria-label={t('help.emailOrderPlaceholder')}
            onInput={(e) => patch({ orderNo: e.detail.value.trim() })}
          />
        ) : null}
        {needs(form, 'productName') ? (
          <Input
            className='field__input'
            type='text'
            value={form.productName}
            placeholder={t('help.emailProductPlaceholder')}
            maxlength={100}
            aria-label={t('help.emailProductPlaceholder')}
            onInput={(e) => patch({ productName: e.detail.value })}
          />
        ) : null}
        <Text className='field__label'>{t('help.emailBody')}</Text>
        <Textarea
          className='field__textarea email__body'
          value={form.description}
          placeholder={t('help.emailBodyPlaceholder')}
          maxlength={MAX_BODY}
          aria-label={t('help.emailBody')}
          onInput={(e) => patch({ description: e.detail.value })}
        />
        <LengthCount length={form.description.length} max={MAX_BODY} fullText={t('help.lengthFull', { max: MAX_BODY })} />
        {error ? (
          <View className='field__error' role='alert' ariaRole='alert'>
            {error}
          </View>
        ) : null}
        <View
          className={`btn btn--primary ${sending ? 'btn--disabled' : ''}`}
          role='button'
          ariaRole='button'
          aria-disabled={sending}
          onClick={sending ? undefined : submit}
        >
          {sending ? t('help.emailSending') : t('help.emailSend')}
        </View>
      </View>
    </View>
  )
}
