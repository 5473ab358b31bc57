import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import './index.scss'

const TOPICS = [
  { id: 'order', label: '订单' },
  { id: 'product', label: '商品' },
  { id: 'logistics', label: '物流' },
  { id: 'payment', label: '支付' },
  { id: 'member', label: '会员' },
] as const

/** 帮助中心: every channel, and help by service type. */
export default function HelpPage() {
  const [topic, setTopic] = useState<(typeof TOPICS)[number]['id']>('order')
  const current = TOPICS.find((t) => t.id === topic)!
  return (
    <View className='page help'>
      <View className='card'>
        <Text className='title'>有什么可以帮您？</Text>
        <View className='help__channels'>
          <View className='help__channel' role='button' aria-label='在线客服' onClick={() => Taro.switchTab({ url: '/pages/chat/index' })}>
            在线客服
          </View>
          <View
            className='help__channel'
            role='button'
            aria-label='电话客服 95188'
            onClick={() => Taro.makePhoneCall({ phoneNumber: '95188' })}
          >
            电话客服 95188
          </View>
          <View
            className='help__channel'
            role='button'
            aria-label='提交工单'
            onClick={() => Taro.navigateTo({ url: '/pages/ticket/new/index' })}
          >
            提交工单
          </View>
          <View
            className='help__channel'
            role='button'
            aria-label='我的工单'
            onClick={() => Taro.switchTab({ url: '/pages/tickets/index' })}
          >
            我的工单
          </View>
        </View>
      </View>
      <View className='card'>
        <Text className='title'>常见问题</Text>
        <View className='help__topics'>
          {TOPICS.map((t) => (
            <View
              key={t.id}
              className={`help__topic ${t.id === topic ? 'help__topic--active' : ''}`}
              role='tab'
              aria-selected={t.id === topic}
              onClick={() => setTopic(t.id)}
            >
              {t.label}
            </View>
          ))}
        </View>
        <Text className='help__current muted'>当前分类：{current.label}</Text>
      </View>
    </View>
  )
}
