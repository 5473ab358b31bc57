import { type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Image, ScrollView, Text, View } from '@tarojs/components'
import { clockTime, sameMinuteGroup } from './message-time'
import './message-list.scss'

export type MessageSender = 'shopper' | 'bot' | 'agent' | 'system'

/** What the list needs to draw one message, whoever's chat screen it is on. */
export interface MessageListItem {
  /** Server id, or the clientMsgId while it is still being sent. */
  id: string
  sender: MessageSender
  kind: 'text' | 'image' | 'order' | 'system'
  text?: string
  imageUrl?: string
  orderNo?: string
  senderName?: string
  createdAt: string
  state?: 'sending' | 'failed' | 'sent'
}

export interface MessageListProps {
  items: MessageListItem[]
  /** Whose screen this is: that side's messages sit on the right. */
  self: 'shopper' | 'agent'
  /** Drawn under a message (bot quick replies, "submit a ticket" …). */
  renderExtra?: (item: MessageListItem) => ReactNode
  onRetry?: (item: MessageListItem) => void
  onOrderTap?: (orderNo: string) => void
  /** Shown above the first message (e.g. "load earlier"). */
  header?: ReactNode
  emptyText?: string
  className?: string
}

const SENDER_LABEL: Record<MessageSender, string> = { shopper: '顾客', bot: '智能客服', agent: '客服', system: '' }

function isMine(item: MessageListItem, self: MessageListProps['self']): boolean {
  return item.sender === self
}

function Body({ item, onOrderTap }: { item: MessageListItem; onOrderTap?: (orderNo: string) => void }) {
  if (item.kind === 'image' && item.imageUrl) {
    const url = item.imageUrl
    return (
      <Image
        className='msg__image'
        src={url}
        mode='widthFix'
        aria-label='图片，点按查看大图'
        onClick={() => void Taro.previewImage({ urls: [url], current: url })}
      />
    )
  }
  if (item.kind === 'order' && item.orderNo) {
    const orderNo = item.orderNo
    return (
      <View className='msg__order' role='button' aria-label={`订单 ${orderNo}`} onClick={() => onOrderTap?.(orderNo)}>
        <Text className='msg__order-label'>订单</Text>
        <Text className='msg__order-no'>{orderNo}</Text>
        {item.text ? <Text className='msg__order-text'>{item.text}</Text> : null}
      </View>
    )
  }
  return (
    <Text className='msg__text' userSelect>
      {item.text ?? ''}
    </Text>
  )
}

/** The conversation as bubbles: the same list on the shopper's chat and in the agent workspace. */
export function MessageList({ items, self, renderExtra, onRetry, onOrderTap, header, emptyText, className }: MessageListProps) {
  // A new id per length makes the list scroll again whenever a message arrives.
  const endId = `msg-end-${items.length}`
  return (
    <ScrollView className={`msg-list ${className ?? ''}`} scrollY scrollWithAnimation scrollIntoView={endId} aria-live='polite'>
      {header}
      {items.length === 0 && emptyText ? <Text className='msg-list__empty'>{emptyText}</Text> : null}
      {items.map((item, i) => {
        const showTime = !sameMinuteGroup(items[i - 1]?.createdAt, item.createdAt)
        if (item.sender === 'system' || item.kind === 'system') {
          return (
            <View key={item.id} id={`msg-${item.id}`} className='msg msg--system'>
              <Text className='msg__system'>{item.text}</Text>
            </View>
          )
        }
        const mine = isMine(item, self)
        return (
          <View key={item.id} id={`msg-${item.id}`} className={`msg ${mine ? 'msg--mine' : 'msg--theirs'} msg--${item.sender}`}>
            {showTime ? <Text className='msg__time'>{clockTime(item.createdAt)}</Text> : null}
            {!mine ? <Text className='msg__who'>{item.senderName || SENDER_LABEL[item.sender]}</Text> : null}
            <View className='msg__row'>
              {mine && item.state === 'failed' ? (
                <View className='msg__retry' role='button' aria-label='发送失败，点按重发' onClick={() => onRetry?.(item)}>
                  !
                </View>
              ) : null}
              {mine && item.state === 'sending' ? <Text className='msg__sending' aria-label='发送中' /> : null}
              <View className='msg__bubble'>
                <Body item={item} onOrderTap={onOrderTap} />
              </View>
            </View>
            {renderExtra?.(item)}
          </View>
        )
      })}
      <View id={endId} className='msg-list__end' />
    </ScrollView>
  )
}
