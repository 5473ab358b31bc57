import { Switch, Text, View } from '@tarojs/components'
import { isWeapp } from '@/lib/platform'
import type { SubscriptionTemplate } from '@shared/notification'

interface Props {
  templates: SubscriptionTemplate[]
  wanted: boolean
  onToggle(v: boolean): void
  email: string
}

const EVENTS: Record<SubscriptionTemplate['event'], string> = { accepted: '受理', replied: '客服回复', resolved: '处理完成' }

/**
 * The notification offer before submit: WeChat subscribe messages in the mini-program (asked in
 * the same tap as 提交), email on H5 where WeChat cannot reach the shopper.
 */
export function NotifyOffer({ templates, wanted, onToggle, email }: Props) {
  if (isWeapp && templates.length > 0) {
    const left = templates.reduce((n, t) => n + t.remaining, 0)
    return (
      <View className='tf-card tf-notify'>
        <View className='tf-notify__row'>
          <View className='tf-notify__text'>
            <Text className='tf-notify__title'>微信通知进展</Text>
            <Text className='tf-notify__desc'>{templates.map((t) => EVENTS[t.event]).join('、')}时提醒您，提交时一键开启</Text>
          </View>
          <Switch checked={wanted} color='#ff5000' aria-label='提交时开启微信通知' onChange={(e) => onToggle(e.detail.value)} />
        </View>
        <Text className='tf-notify__left'>
          当前还可接收 {left} 条通知{left === 0 ? '，开启后每类进展可提醒一次' : ''}
        </Text>
      </View>
    )
  }
  return (
    <View className='tf-card tf-notify'>
      <Text className='tf-notify__title'>邮件通知进展</Text>
      <Text className='tf-notify__desc'>
        {email
          ? `受理、客服回复、处理完成时将发送邮件到 ${email}`
          : '网页版无法接收微信通知，填写上方联系邮箱即可收到受理、回复和处理完成的邮件'}
      </Text>
    </View>
  )
}
