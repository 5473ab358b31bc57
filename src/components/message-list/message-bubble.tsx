import Taro from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import type { ChatMessage, Sender } from '@shared/chat'
import { absoluteUrl } from '@/lib/platform'
import type { PendingMessage, Viewer } from './message-list.helpers'
import { MessageText } from './message-text'
import { systemText } from './system-text'
import { OrderCardView } from './order-card'
import { ActionCard } from './action-card'
import { getLang, t } from '@/lib/i18n'
import { PageCardView, WechatNote } from './wechat-note'

const preview = (url: string) => void Taro.previewImage({ urls: [url], current: url })

/** A round avatar: the bot, an agent (their initial), the shopper ("me" on the shopper's own screen). */
function Avatar({ sender, name, viewer }: { sender: Sender; name?: string | null; viewer: Viewer }) {
  const own = sender === viewer
  const label =
    sender === 'bot'
      ? t('messageList.bot')
      : sender === 'agent'
        ? (name ?? t('messageList.agentFallback'))
        : own
          ? t('messageList.you')
          : (name ?? t('messageList.shopper'))
  const glyph = sender === 'bot' ? (getLang() === 'zh' ? '智' : 'AI') : label.slice(0, 1)
  return (
    <View className={`avatar avatar--${sender}`} aria-label={label}>
      <Text className='avatar__glyph'>{glyph}</Text>
    </View>
  )
}

interface ContentProps {
  message: ChatMessage
  viewer: Viewer
  blocked: boolean
  onImageLoad?: () => void
  onOpenTicket?: (ticketId: string) => void
}

function Content({ message, viewer, blocked, onImageLoad, onOpenTicket }: ContentProps) {
  const meta = message.sender === 'bot' ? message.meta : null
  if (meta?.action && viewer === 'shopper') {
    return (
      <>
        <MessageText text={message.text ?? ''} />
        <ActionCard kind={meta.action} orderNo={meta.entities?.orderNo} />
      </>
    )
  }
  if (meta?.actionResult) {
    return (
      <>
        <MessageText text={message.text ?? ''} />
        <Text className='action-result'>✓ {t(`actionCard.title.${meta.actionResult.kind}`)}</Text>
      </>
    )
  }
  // WeChat found the image risky: the file is refused, so show a placeholder, not a broken image.
  if (message.kind === 'image' && blocked) {
    return (
      <View className='bubble__blocked' role='img' ariaRole='img' aria-label={t('messageList.imageBlocked')}>
        <Text>{t('messageList.imageBlocked')}</Text>
      </View>
    )
  }
  if (message.kind === 'image' && message.imageUrl) {
    const src = absoluteUrl(message.imageUrl)
    return (
      <Image
        className='bubble__image'
        src={src}
        mode='widthFix'
        lazyLoad
        onLoad={onImageLoad}
        onClick={() => preview(src)}
        aria-label={t('messageList.image')}
      />
    )
  }
  if (message.kind === 'order' && message.order) return <OrderCardView order={message.order} />
  if (message.card) return <PageCardView card={message.card} onOpenTicket={onOpenTicket} />
  return <MessageText text={message.text ?? ''} />
}

/** Who wrote a message the viewer did not: the agent's name, or (for agents) bot / customer. */
function nameOf(message: ChatMessage, viewer: Viewer): string | null {
  if (message.sender === viewer) return null
  if (message.sender === 'agent') return message.senderName ?? null
  if (viewer === 'agent') return message.sender === 'bot' ? t('messageList.bot') : (message.senderName ?? t('messageList.shopper'))
  return null
}

export interface BubbleProps {
  message: ChatMessage
  read: boolean
  viewer: Viewer
  /** The image was found risky (flag on the message, or a later image_blocked notice). */
  blocked?: boolean
  /** An image has its size now: the list may need to scroll again to show all of it. */
  onImageLoad?: () => void
  /** Agents: opens the ticket a shopper's page card points to. */
  onOpenTicket?: (ticketId: string) => void
}

/** One message: a centred line for system events, else avatar + bubble on the sender's side. */
export function MessageBubble({ message, read, viewer, blocked = false, onImageLoad, onOpenTicket }: BubbleProps) {
  if (message.kind === 'event' || message.sender === 'system') {
    return (
      <View className='msg msg--system' role='note' ariaRole='note'>
        <Text className='msg__system'>{systemText(message)}</Text>
      </View>
    )
  }
  const mine = message.sender === viewer
  const name = nameOf(message, viewer)
  const imageBlocked = message.kind === 'image' && (blocked || message.imageBlocked === true)
  return (
    // What people type stays in their words; the scan for untranslated text skips it.
    <View
      className={`msg ${mine ? 'msg--mine' : 'msg--theirs'} msg--${message.sender}`}
      data-i18n-allow={message.sender === 'bot' ? undefined : 'user-content'}
    >
      <Avatar sender={message.sender} name={message.senderName} viewer={viewer} />
      <View className='msg__body'>
        {name ? <Text className='msg__name'>{name}</Text> : null}
        <View
          className={`bubble bubble--${message.sender} ${mine ? 'bubble--mine' : ''} ${message.kind === 'image' ? 'bubble--bare' : ''}`}
        >
          <Content message={message} viewer={viewer} blocked={imageBlocked} onImageLoad={onImageLoad} onOpenTicket={onOpenTicket} />
        </View>
        {viewer === 'agent' ? <WechatNote message={message} /> : null}
        {imageBlocked && mine && viewer === 'shopper' ? (
          <View className='msg__blocked' role='alert' ariaRole='alert'>
            {t('messageList.imageBlockedMine')}
          </View>
        ) : null}
        {mine ? (
          <Text className={`msg__mark ${read ? 'msg__mark--read' : ''}`}>{read ? t('messageList.read') : t('messageList.unread')}</Text>
        ) : null}
      </View>
    </View>
  )
}

interface StatusProps {
  item: PendingMessage
  online: boolean
  onRetry: () => void
  onEdit?: () => void
}

function Status({ item, online, onRetry, onEdit }: StatusProps) {
  if (item.state === 'failed' && item.blocked) {
    // Sending the same text again can only be refused again: say why and offer to edit it.
    return (
      <View className='msg__failed msg__failed--blocked'>
        <Text className='msg__failed-icon'>!</Text>
        <View role='alert' ariaRole='alert'>
          {item.error ?? t('messageList.blockedText')}
        </View>
        {onEdit ? (
          <View className='msg__edit' role='button' ariaRole='button' aria-label={t('messageList.editBlocked')} onClick={onEdit}>
            {t('messageList.editBlocked')}
          </View>
        ) : null}
      </View>
    )
  }
  if (item.state === 'failed') {
    return (
      <View className='msg__failed' role='button' ariaRole='button' aria-label={t('messageList.failed')} onClick={onRetry}>
        <Text className='msg__failed-icon'>!</Text>
        <Text>{t('messageList.failed')}</Text>
      </View>
    )
  }
  if (item.kind === 'image' && item.state === 'sending' && item.uploadProgress !== undefined && item.uploadProgress < 100) {
    return <Text className='msg__mark'>{t('messageList.uploading', { p: Math.round(item.uploadProgress) })}</Text>
  }
  return <Text className='msg__mark msg__mark--sending'>{online ? t('messageList.sending') : t('messageList.waitingNetwork')}</Text>
}

export interface PendingBubbleProps {
  item: PendingMessage
  viewer: Viewer
  online: boolean
  onRetry: () => void
  /** Puts a refused text back into the composer. */
  onEdit?: () => void
}

/** A message the viewer sent that the server has not confirmed yet: sending, waiting or failed. */
export function PendingBubble({ item, viewer, online, onRetry, onEdit }: PendingBubbleProps) {
  const src = item.imageUrl ? absoluteUrl(item.imageUrl) : item.localPath
  const progress = item.uploadProgress !== undefined && item.uploadProgress < 100 ? item.uploadProgress : null
  return (
    <View
      className={`msg msg--mine msg--${viewer} msg--pending ${item.state === 'failed' ? 'msg--failed' : ''}`}
      aria-busy={item.state !== 'failed'}
    >
      <Avatar sender={viewer} viewer={viewer} />
      <View className='msg__body'>
        <View className={`bubble bubble--${viewer} bubble--mine ${item.kind === 'image' ? 'bubble--bare' : ''}`}>
          {item.kind === 'image' && src ? (
            <View className='bubble__image-wrap'>
              <Image className='bubble__image' src={src} mode='widthFix' onClick={() => preview(src)} aria-label={t('messageList.image')} />
              {progress !== null ? <View className='bubble__progress' style={{ width: `${progress}%` }} /> : null}
            </View>
          ) : item.kind === 'order' && item.order ? (
            <OrderCardView order={item.order} />
          ) : (
            <MessageText text={item.text ?? ''} />
          )}
        </View>
        <Status item={item} online={online} onRetry={onRetry} onEdit={onEdit} />
      </View>
    </View>
  )
}
