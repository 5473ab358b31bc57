import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import type { SubscriptionTemplate } from '@shared/notification'
import { isWeapp } from '@/lib/platform'
import { allErrors, isDraftStarted, missingSummary } from '../ticket-form.helpers'
import { useTicketForm } from '../ticket-form.store'
import type { FormStep } from '../ticket-form.types'
import { listOrders, loadSubscribeTemplates, saveSubscriptions } from '../tickets.api'
import { toOrderOptions, type OrderOption } from '../tickets.mapping'
import { DetailsStep } from './details-step'
import { EvidenceStep } from './evidence-step'
import { NotifyOffer } from './notify-offer'
import { StepBar } from './step-bar'
import { ServiceTypeStep } from './service-type-step'
import { SubtypeStep } from './subtype-step'
import './ticket-form.scss'
import { t } from '@/lib/i18n'

interface Props {
  /** True when the form opened on a draft kept from an earlier visit. */
  restored: boolean
  onCreated(ticketId: string): void
}

const scrollTo = (key: string) => Taro.pageScrollTo({ selector: `#field-${key.replace('.', '-')}`, duration: 200 }).catch(() => undefined)

/** The guided 4-step ticket form; every field and evidence slot comes from the catalog. */
export function TicketForm({ restored, onCreated }: Props) {
  const { draft, touched, submitting, submitError, update, touch, goTo, startOver, addFiles, removeFile, submit } = useTicketForm()
  const [orders, setOrders] = useState<OrderOption[]>([])
  const [templates, setTemplates] = useState<SubscriptionTemplate[]>([])
  const [wantNotify, setWantNotify] = useState(true)
  const busy = useRef(false)
  // Said once, on the step the kept draft reopened at; moving on means it has been seen.
  const [noticeStep, setNoticeStep] = useState<FormStep | null>(restored ? draft.step : null)
  useEffect(() => {
    if (noticeStep !== null && draft.step !== noticeStep) setNoticeStep(null)
  }, [draft.step, noticeStep])

  useEffect(() => {
    listOrders().then(
      (o) => setOrders(toOrderOptions(o)),
      () => setOrders([]),
    )
    if (isWeapp) loadSubscribeTemplates().then(setTemplates, () => setTemplates([]))
  }, [])

  const go = (step: FormStep) => {
    const blocking = goTo(step)
    if (blocking.length) scrollTo(blocking[0].key)
    else Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  const askSubscribe = async () => {
    if (!isWeapp || !wantNotify || templates.length === 0) return
    try {
      const ids = templates.map((tpl) => tpl.templateId)
      const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<string, string>
      const accepted = ids.filter((id) => res[id] === 'accept')
      if (accepted.length) setTemplates((await saveSubscriptions(accepted)).templates)
    } catch {
      // Declined or unsupported: the ticket is submitted anyway.
    }
  }

  const onSubmit = async () => {
    if (busy.current) return
    const errors = allErrors(draft)
    if (errors.length) {
      touch(...errors.map((e) => e.key))
      scrollTo(errors[0].key)
      return
    }
    busy.current = true
    try {
      await askSubscribe()
      const id = await submit()
      if (id) onCreated(id)
    } finally {
      busy.current = false
    }
  }

  const missing = missingSummary(draft)
  return (
    <View className='tf'>
      <StepBar
        titles={[t('tickets.steps.0'), t('tickets.steps.1'), t('tickets.steps.2'), t('tickets.steps.3')]}
        current={draft.step}
        onBack={(i) => go(i as FormStep)}
      />
      {noticeStep === draft.step && isDraftStarted(draft) && (
        <View className='tf-restored' role='status' ariaRole='status'>
          <Text>{t('tickets.restored')}</Text>
          <View className='tf-restored__reset' role='button' ariaRole='button' onClick={startOver}>
            {t('tickets.startOver')}
          </View>
        </View>
      )}
      {draft.step === 0 && (
        <ServiceTypeStep
          value={draft.serviceType}
          onPick={(id) => update({ serviceType: id, subtype: draft.serviceType === id ? draft.subtype : null, step: 1 })}
        />
      )}
      {draft.step === 1 && draft.serviceType && (
        <SubtypeStep
          serviceType={draft.serviceType}
          value={draft.subtype}
          onPick={(id) => update({ subtype: id, outcome: draft.subtype === id ? draft.outcome : null, step: 2 })}
        />
      )}
      {draft.step === 2 && <DetailsStep draft={draft} touched={touched} orders={orders} onChange={update} onBlur={touch} />}
      {draft.step === 3 && (
        <EvidenceStep
          draft={draft}
          touched={touched}
          onChange={update}
          onBlur={touch}
          onAdd={addFiles}
          onRemove={removeFile}
          notify={<NotifyOffer templates={templates} wanted={wantNotify} onToggle={setWantNotify} email={draft.contactEmail} />}
        />
      )}
      {draft.step > 0 && (
        <View className='tf-bar'>
          {draft.step === 3 && (
            <View className={`tf-bar__missing ${missing ? '' : 'tf-bar__missing--ok'}`} role='status' ariaRole='status'>
              {submitError ?? missing ?? t('tickets.ready')}
            </View>
          )}
          <View className='tf-bar__buttons'>
            {draft.step > 0 && (
              <Button className='tf-btn tf-btn--ghost' onClick={() => go((draft.step - 1) as FormStep)}>
                {t('tickets.prev')}
              </Button>
            )}
            {draft.step === 2 && (
              <Button className='tf-btn tf-btn--primary' onClick={() => go(3)}>
                {t('tickets.next')}
              </Button>
            )}
            {draft.step === 3 && (
              <Button
                className={`tf-btn tf-btn--primary ${missing ? 'tf-btn--incomplete' : ''}`}
                aria-label={missing ? t('tickets.submitAria', { missing }) : t('tickets.submit')}
                onClick={onSubmit}
              >
                {submitting ? t('tickets.submitting') : t('tickets.submit')}
              </Button>
            )}
          </View>
        </View>
      )}
    </View>
  )
}
