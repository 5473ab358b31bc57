import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ChatMessage, PageCard } from '@shared/chat'
import type { DeliveryState } from '@shared/chat'
import { t, type MessageKey } from '@/lib/i18n'

const DELIVERY: Record<DeliveryState, MessageKey> = {
  pending: 'messageList.wechat.delivery.pending',
  sending: 'messageList.wechat.delivery.sending',
  sent: 'messageList.wechat.delivery.sent',
  failed: 'messageList.wechat.delivery.failed',
  expired: 'messageList.wechat.delivery.expired',
  limited: 'messageList.wechat.delivery.limited',
}

/** The page card a shopper sent through WeChat: a link to the ticket, or the order number to copy. */
export function PageCardView({ card, onOpenTicket }: { card: PageCard; onOpenTicket?: (id: string) => void }) {
  const copy = async (orderNo: string) => {
    await Taro.setClipboardData({ data: orderNo })
    void Taro.showToast({ title: t('messageList.wechat.copied'), icon: 'success' })
  }
  return (
    <View className='page-card' aria-label={`${t('messageList.wechat.card')} ${card.title}`}>
      <Text className='page-card__label'>{t('messageList.wechat.card')}</Text>
      <Text className='page-card__title'>{card.title || card.pagePath}</Text>
      {card.ticketId && onOpenTicket ? (
        <View className='page-card__link' role='link' ariaRole='link' onClick={() => onOpenTicket(card.ticketId!)}>
          {t('messageList.wechat.openTicket')} ›
        </View>
      ) : null}
      {card.orderNo ? (
        <View
          className='page-card__link'
          role='button'
          ariaRole='button'
          aria-label={`${t('messageList.wechat.copyOrder')} ${card.orderNo}`}
          onClick={() => void copy(card.orderNo!)}
        >
          {card.orderNo} · {t('messageList.wechat.copyOrder')}
        </View>
      ) : null}
    </View>
  )
}

/** Under a message in a WeChat conversation: "via WeChat" on the shopper's, the delivery state on replies. */
export function WechatNote({ message }: { message: ChatMessage }) {
  if (message.origin === 'wechat') {
    return (
      <Text className='wechat-note wechat-note--origin' aria-label={t('messageList.wechat.originLabel')}>
        {t('messageList.wechat.origin')}
      </Text>
    )
  }
  if (!message.delivery) return null
  const bad = message.delivery === 'failed' || message.delivery === 'expired' || message.delivery === 'limited'
  return (
    <View className={`wechat-note wechat-note--${bad ? 'bad' : 'ok'}`} role={bad ? 'alert' : 'status'} ariaRole={bad ? 'alert' : 'status'}>
      {t(DELIVERY[message.delivery])}
    </View>
  )
}
