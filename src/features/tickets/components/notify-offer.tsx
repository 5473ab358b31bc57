import { Switch, Text, View } from '@tarojs/components'
import { isWeapp } from '@/lib/platform'
import type { SubscriptionTemplate } from '@shared/notification'
import { ticketsText as t } from '../tickets.i18n'

interface Props {
  templates: SubscriptionTemplate[]
  wanted: boolean
  onToggle(v: boolean): void
  email: string
}

const EVENTS: Record<SubscriptionTemplate['event'], string> = t.notifyEvents

/**
 * The notification offer before submit: WeChat subscribe messages in the mini-program (asked in
 * the same tap as 提交), email on H5 where WeChat cannot reach the shopper.
 */
export function NotifyOffer({ templates, wanted, onToggle, email }: Props) {
  if (isWeapp && templates.length > 0) {
    const left = templates.reduce((n, tpl) => n + tpl.remaining, 0)
    return (
      <View className='tf-card tf-notify'>
        <View className='tf-notify__row'>
          <View className='tf-notify__text'>
            <Text className='tf-notify__title'>{t.wechatNotify}</Text>
            <Text className='tf-notify__desc'>{t.wechatNotifyDesc(templates.map((tpl) => EVENTS[tpl.event]).join(t.sep))}</Text>
          </View>
          <Switch checked={wanted} color='#ff5000' aria-label={t.wechatNotifyAria} onChange={(e) => onToggle(e.detail.value)} />
        </View>
        <Text className='tf-notify__left'>{t.wechatNotifyLeft(left)}</Text>
      </View>
    )
  }
  return (
    <View className='tf-card tf-notify'>
      <Text className='tf-notify__title'>{t.emailNotify}</Text>
      <Text className='tf-notify__desc'>{email ? t.emailNotifyTo(email) : t.emailNotifyNone}</Text>
    </View>
  )
}
