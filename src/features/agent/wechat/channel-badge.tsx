import { Text } from '@tarojs/components'
import { t } from '@/lib/i18n'
import './wechat-channel.scss'

/** "微信" beside a conversation whose shopper writes from WeChat's own service chat. */
export function ChannelBadge({ channel }: { channel?: 'app' | 'wechat' }) {
  if (channel !== 'wechat') return null
  return (
    <Text className='channel-badge' aria-label={t('agent.wechat.badgeLabel')}>
      {t('agent.wechat.badge')}
    </Text>
  )
}
