import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import type { ChatMessage, Sender } from '@shared/chat'
import { absoluteUrl } from '@/lib/platform'
import type { PendingMessage, Viewer } from './message-list.helpers'
import type { MessageListText } from './message-list.i18n'
import { MessageText } from './message-text'
import { OrderCardView } from './order-card'
import { ActionCard } from './action-card'
import { actionCardText } from './action-card.i18n'

const preview = (url: string) => void Taro.previewImage({ urls: [url], current: url })

/** A round avatar: the bot, an agent (their initial), the shopper ("me" on the shopper's own screen). */
function Avatar({ sender, name, viewer, t }: { sender: Sender; name?: string | null; viewer: Viewer; t: MessageListText }) {
  const own = sender === viewer
  const label = sender === 'bot' ? t.bot : sender === 'agent' ? (name ?? t.agentFallback) : own ? t.you : (name ?? t.shopper)
  const glyph = sender === 'bot' ? (t.bot === '智能客服' ? '智' : 'AI') : label.slice(0, 1)
  return (
    <View className={`avatar avatar--${sender}`} aria-label={label}>
      <Text className='avatar__glyph'>{glyph}</Text>
    </View>
  )
}

function Content({ message, viewer, blocked, t }: { message: ChatMessage; viewer: Viewer; blocked: boolean; t: MessageListText }) {
  const meta = message.sender === 'bot' ? message.meta : null
  const lang = t.bot === '智能客服' ? 'zh' : 'en'
  if (meta?.action && viewer === 'shopper') {
    return (
      <>
        <MessageText text={message.text ?? ''} t={t} />
        <ActionCard kind={meta.action} orderNo={meta.entities?.orderNo} lang={lang} />
      </>
    )
  }
  if (meta?.actionResult) {
    return (
      <>
        <MessageText text={message.text ?? ''} t={t} />
        <Text className='action-result'>✓ {actionCardText(lang).title[meta.actionResult.kind]}</Text>
      </>
    )
  }
  // WeChat found the image risky: the file is refused, so show a placeholder, not a broken image.
  if (message.kind === 'image' && blocked) {
    return (
      <View className='bubble__blocked' role='img' ariaRole='img' aria-label={t.imageBlocked}>
        <Text>{t.imageBlocked}</Text>
      </View>
    )
  }
  if (message.kind === 'image' && message.imageUrl) {
    const src = absoluteUrl(message.imageUrl)
    return <Image className='bubble__image' src={src} mode='widthFix' lazyLoad onClick={() => preview(src)} aria-label={t.image} />
  }
  if (message.kind === 'order' && message.order) return <OrderCardView order={message.order} text={t} />
  return <MessageText text={message.text ?? ''} t={t} />
}

/** Who wrote a message the viewer did not: the agent's name, or (for agents) bot / customer. */
function nameOf(message: ChatMessage, viewer: Viewer, t: MessageListText): string | null {
  if (message.sender === viewer) return null
  if (message.sender === 'agent') return message.senderName ?? null
  if (viewer === 'agent') return message.sender === 'bot' ? t.bot : (message.senderName ?? t.shopper)
  return null
}

export interface BubbleProps {
  message: ChatMessage
  read: boolean
  viewer: Viewer
  /** The image was found risky (flag on the message, or a later image_blocked notice). */
  blocked?: boolean
  t: MessageListText
}

/** One message: a centred line for system events, else avatar + bubble on the sender's side. */
export function MessageBubble({ message, read, viewer, blocked = false, t }: BubbleProps) {
  if (message.kind === 'event' || message.sender === 'system') {
    return (
      <View className='msg msg--system' role='note' ariaRole='note'>
        <Text className='msg__system'>{message.text}</Text>
      </View>
    )
  }
  const mine = message.sender === viewer
  const name = nameOf(message, viewer, t)
  const imageBlocked = message.kind === 'image' && (blocked || message.imageBlocked === true)
  return (
    <View className={`msg ${mine ? 'msg--mine' : 'msg--theirs'} msg--${message.sender}`}>
      <Avatar sender={message.sender} name={message.senderName} viewer={viewer} t={t} />
      <View className='msg__body'>
        {name ? <Text className='msg__name'>{name}</Text> : null}
        <View
          className={`bubble bubble--${message.sender} ${mine ? 'bubble--mine' : ''} ${message.kind === 'image' ? 'bubble--bare' : ''}`}
        >
          <Content message={message} viewer={viewer} blocked={imageBlocked} t={t} />
        </View>
        {imageBlocked && mine && viewer === 'shopper' ? (
          <View className='msg__blocked' role='alert' ariaRole='alert'>
            {t.imageBlockedMine}
          </View>
        ) : null}
        {mine ? <Text className={`msg__mark ${read ? 'msg__mark--read' : ''}`}>{read ? t.read : t.unread}</Text> : null}
      </View>
    </View>
  )
}

interface StatusProps {
  item: PendingMessage
  online: boolean
  onRetry: () => void
  onEdit?: () => void
  t: MessageListText
}

function Status({ item, online, onRetry, onEdit, t }: StatusProps) {
  if (item.state === 'failed' && item.blocked) {
    // Sending the same text again can only be refused again: say why and offer to edit it.
    return (
      <View className='msg__failed msg__failed--blocked'>
        <Text className='msg__failed-icon'>!</Text>
        <View role='alert' ariaRole='alert'>
          {item.error ?? t.blockedText}
        </View>
        {onEdit ? (
          <View className='msg__edit' role='button' ariaRole='button' aria-label={t.editBlocked} onClick={onEdit}>
            {t.editBlocked}
          </View>
        ) : null}
      </View>
    )
  }
  if (item.state === 'failed') {
    return (
      <View className='msg__failed' role='button' ariaRole='button' aria-label={t.failed} onClick={onRetry}>
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

export interface PendingBubbleProps {
  item: PendingMessage
  viewer: Viewer
  online: boolean
  onRetry: () => void
  /** Puts a refused text back into the composer. */
  onEdit?: () => void
  t: MessageListText
}

/** A message the viewer sent that the server has not confirmed yet: sending, waiting or failed. */
export function PendingBubble({ item, viewer, online, onRetry, onEdit, t }: PendingBubbleProps) {
  const src = item.imageUrl ? absoluteUrl(item.imageUrl) : item.localPath
  const progress = item.uploadProgress !== undefined && item.uploadProgress < 100 ? item.uploadProgress : null
  return (
    <View
      className={`msg msg--mine msg--${viewer} msg--pending ${item.state === 'failed' ? 'msg--failed' : ''}`}
      aria-busy={item.state !== 'failed'}
    >
      <Avatar sender={viewer} viewer={viewer} t={t} />
      <View className='msg__body'>
        <View className={`bubble bubble--${viewer} bubble--mine ${item.kind === 'image' ? 'bubble--bare' : ''}`}>
          {item.kind === 'image' && src ? (
            <View className='bubble__image-wrap'>
              <Image className='bubble__image' src={src} mode='widthFix' onClick={() => preview(src)} aria-label={t.image} />
              {progress !== null ? <View className='bubble__progress' style={{ width: `${progress}%` }} /> : null}
            </View>
          ) : item.kind === 'order' && item.order ? (
            <OrderCardView order={item.order} text={t} />
          ) : (
            <MessageText text={item.text ?? ''} t={t} />
          )}
        </View>
        <Status item={item} online={online} onRetry={onRetry} onEdit={onEdit} t={t} />
      </View>
    </View>
  )
}
