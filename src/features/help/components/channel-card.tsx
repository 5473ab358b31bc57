import type { ReactNode } from 'react'
import { View, Text, Image } from '@tarojs/components'

export interface ChannelCardProps {
  icon: string
  title: string
  sub: string
  badge?: number
  /** Highlights the subtitle (an active queue, a live agent). */
  live?: boolean
  onTap?: () => void
}

/** The inside of one channel card: icon, name, one line of state, an optional count badge. */
export function ChannelCardBody({ icon, title, sub, badge, live }: Omit<ChannelCardProps, 'onTap'>): ReactNode {
  return (
    <View className='channel__body'>
      <View className='channel__icon'>
        <Image className='channel__img' src={icon} mode='aspectFit' aria-hidden />
        {badge ? (
          <Text className='channel__badge' aria-label={`${badge}`}>
            {badge > 99 ? '99+' : badge}
          </Text>
        ) : null}
      </View>
      <View className='channel__text'>
        <Text className='channel__title'>{title}</Text>
        <Text className={`channel__sub ${live ? 'channel__sub--live' : ''}`}>{sub}</Text>
      </View>
    </View>
  )
}

/** A tappable channel card. */
export function ChannelCard(props: ChannelCardProps) {
  const { onTap, ...body } = props
  return (
    <View className='channel' role='button' ariaRole='button' hoverClass='channel--pressed' onClick={onTap}>
      <ChannelCardBody {...body} />
    </View>
  )
}
