import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import type { ChatMessage } from '@shared/chat'
import { apiBase } from '@/lib/platform'
import { chatText as t } from '../chat.i18n'
import { Avatar } from './avatar'
import { MessageText } from './rich-text'
import { OrderCardView } from './order-card'

/** Upload URLs are server paths; the mini-program needs the API origin in front. */
export function absoluteUrl(url: string): string {
  return /^(https?:|blob:|data:|wxfile:)/.test(url) ? url : `${apiBase}${url}`
}

/** Opens an image full screen. */
export function preview(url: string): void {
  void Taro.previewImage({ urls: [url], current: url })
}

function Content({ message }: { message: ChatMessage }) {
  if (message.kind === 'image' && message.imageUrl) {
    const src = absoluteUrl(message.imageUrl)
    return <Image className='bubble__image' src={src} mode='widthFix' lazyLoad onClick={() => preview(src)} aria-label={t.image} />
  }
  if (message.kind === 'order' && message.order) return <OrderCardView order={message.order} />
  return <MessageText text={message.text ?? ''} />
}

/** One message: a centred line for system events, else avatar + bubble on the sender's side. */
export function MessageBubble({ message, read }: { message: ChatMessage; read: boolean }) {
  if (message.kind === 'event' || message.sender === 'system') {
    return (
      <View className='msg msg--system' role='note'>
        <Text className='msg__system'>{message.text}</Text>
      </View>
    )
  }
  const mine = message.sender === 'shopper'
  const bare = message.kind === 'image'
  return (
    <View className={`msg ${mine ? 'msg--mine' : 'msg--theirs'}`}>
      <Avatar sender={message.sender} name={message.senderName} />
      <View className='msg__body'>
        {message.sender === 'agent' && message.senderName ? <Text className='msg__name'>{message.senderName}</Text> : null}
        <View className={`bubble bubble--${message.sender} ${bare ? 'bubble--bare' : ''}`}>
          <Content message={message} />
        </View>
        {mine ? <Text className={`msg__mark ${read ? 'msg__mark--read' : ''}`}>{read ? t.read : t.unread}</Text> : null}
      </View>
    </View>
  )
}
