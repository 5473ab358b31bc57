import { useState } from 'react'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PrivacySheet } from '@/components/privacy-sheet'
import { BackBar } from '@/features/tickets/components/back-bar'
import { useCareModeClass } from '@/lib/care-mode'
import { TicketForm } from '@/features/tickets/components/ticket-form'
import { hasPrefill, isDraftStarted } from '@/features/tickets/ticket-form.helpers'
import { useTicketForm } from '@/features/tickets/ticket-form.store'
import { t } from '@/lib/i18n'
import { usePageShell } from '@/lib/page-shell'

/** 提交工单: the guided form; entry points prefill it with serviceType/subtype/orderNo/description. */
export default function NewTicketPage() {
  usePageShell('titles.ticketNew')
  const care = useCareModeClass()
  const { params } = useRouter()
  const [restored] = useState(() => isDraftStarted(useTicketForm.getState().draft) && !hasPrefill(params))
  useLoad(() => {
    if (hasPrefill(params)) useTicketForm.getState().prefill(params)
  })
  return (
    <View className={`page ${care}`}>
      <BackBar title={t('tickets.fileTicket')} fallbackTab='/pages/help/index' />
      <TicketForm restored={restored} onCreated={(id) => Taro.redirectTo({ url: `/pages/ticket/detail/index?id=${id}&created=1` })} />
      <PrivacySheet />
    </View>
  )
}
