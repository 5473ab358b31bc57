import { View, Text, Image } from '@tarojs/components'
import type { OutboxItem } from '../chat.helpers'
import { chatText as t } from '../chat.i18n'
import { Avatar } from './avatar'
import { MessageText } from './rich-text'
import { OrderCardView } from './order-card'
import { absoluteUrl, preview } from './message-bubble'

function Status({ item, online, onRetry }: { item: OutboxItem; online: boolean; onRetry: () => void }) {
  if (item.state === 'failed') {
    return (
      <View className='msg__failed' role='button' aria-label={t.failed} onClick={onRetry}>
        <Text className='msg__failed-icon'>!</Text>
        <Text>{t.failed}</Text>
      </View>
    )
  }
  if (item.kind === 'image' && item.state === 'sending' && item.uploadProgress !== undefined && item.uploadProgress < 100) {
    return <Text className='msg__mark'>{t.uploading(Math.round(item.uploadProgress))}</Text>
  }
  return <Text className='msg__mark msg__mark--sending'>{online ? t.sending : t.waitingNetwork}</Text>
}

/** A message the shopper sent that the server has not confirmed yet: sending, waiting or failed. */
export function PendingBubble({ item, online, onRetry }: { item: OutboxItem; online: boolean; onRetry: () => void }) {
  const src = item.imageUrl ? absoluteUrl(item.imageUrl) : item.localPath
  return (
    <View className={`msg msg--mine msg--pending ${item.state === 'failed' ? 'msg--failed' : ''}`} aria-busy={item.state !== 'failed'}>
      <Avatar sender='shopper' />
      <View className='msg__body'>
        <View className={`bubble bubble--shopper ${item.kind === 'image' ? 'bubble--bare' : ''}`}>
          {item.kind === 'image' && src ? (
            <View className='bubble__image-wrap'>
              <Image className='bubble__image' src={src} mode='widthFix' onClick={() => preview(src)} />
              {item.uploadProgress !== undefined && item.uploadProgress < 100 ? (
                <View className='bubble__progress' style={{ width: `${item.uploadProgress}%` }} />
              ) : null}
            </View>
          ) : item.kind === 'order' && item.order ? (
            <OrderCardView order={item.order} />
          ) : (
            <MessageText text={item.text ?? ''} />
          )}
        </View>
        <Status item={item} online={online} onRetry={onRetry} />
      </View>
    </View>
  )
}
