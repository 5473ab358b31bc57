import { useState } from 'react'
import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PrivacySheet } from '@/components/privacy-sheet'
import { useCareModeClass } from '@/lib/care-mode'
import { TicketForm } from '@/features/tickets/components/ticket-form'
import { hasPrefill, isDraftStarted } from '@/features/tickets/ticket-form.helpers'
import { useTicketForm } from '@/features/tickets/ticket-form.store'

/** 提交工单: the guided form; entry points prefill it with serviceType/subtype/orderNo/description. */
export default function NewTicketPage() {
  const care = useCareModeClass()
  const { params } = useRouter()
  const [restored] = useState(() => isDraftStarted(useTicketForm.getState().draft) && !hasPrefill(params))
  useLoad(() => {
    if (hasPrefill(params)) useTicketForm.getState().prefill(params)
  })
  return (
    <View className={`page ${care}`}>
      <TicketForm restored={restored} onCreated={(id) => Taro.redirectTo({ url: `/pages/ticket/detail/index?id=${id}&created=1` })} />
      <PrivacySheet />
    </View>
  )
}
