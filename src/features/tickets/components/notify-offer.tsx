import { Switch, Text, View } from '@tarojs/components'
import { isWeapp } from '@/lib/platform'
import type { SubscriptionTemplate } from '@shared/notification'
import { t } from '@/lib/i18n'

interface Props {
  templates: SubscriptionTemplate[]
  wanted: boolean
  onToggle(v: boolean): void
  email: string
}

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
            <Text className='tf-notify__title'>{t('tickets.wechatNotify')}</Text>
            <Text className='tf-notify__desc'>
              {t('tickets.wechatNotifyDesc', {
                events: templates.map((tpl) => t(`tickets.notifyEvents.${tpl.event}`)).join(t('tickets.sep')),
              })}
            </Text>
          </View>
          <Switch checked={wanted} color='#ff5000' aria-label={t('tickets.wechatNotifyAria')} onChange={(e) => onToggle(e.detail.value)} />
        </View>
        <Text className='tf-notify__left'>{t('tickets.wechatNotifyLeft', { n: left })}</Text>
      </View>
    )
  }
  return (
    <View className='tf-card tf-notify'>
      <Text className='tf-notify__title'>{t('tickets.emailNotify')}</Text>
      <Text className='tf-notify__desc'>{email ? t('tickets.emailNotifyTo', { email }) : t('tickets.emailNotifyNone')}</Text>
    </View>
  )
}
