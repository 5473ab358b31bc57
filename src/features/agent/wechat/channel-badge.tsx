import { Text } from '@tarojs/components'
import t from './wechat-channel.json'
import './wechat-channel.scss'

/** "微信" beside a conversation whose shopper writes from WeChat's own service chat. */
export function ChannelBadge({ channel }: { channel?: 'app' | 'wechat' }) {
  if (channel !== 'wechat') return null
  return (
    <Text className='channel-badge' aria-label={t.badgeLabel}>
      {t.badge}
    </Text>
  )
}
