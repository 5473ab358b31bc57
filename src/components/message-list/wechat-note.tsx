import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ChatMessage, PageCard } from '@shared/chat'
import texts from './wechat-note.json'

type Lang = keyof typeof texts

/** The page card a shopper sent through WeChat: a link to the ticket, or the order number to copy. */
export function PageCardView({ card, lang, onOpenTicket }: { card: PageCard; lang: Lang; onOpenTicket?: (id: string) => void }) {
  const t = texts[lang]
  const copy = async (orderNo: string) => {
    await Taro.setClipboardData({ data: orderNo })
    void Taro.showToast({ title: t.copied, icon: 'success' })
  }
  return (
    <View className='page-card' aria-label={`${t.card} ${card.title}`}>
      <Text className='page-card__label'>{t.card}</Text>
      <Text className='page-card__title'>{card.title || card.pagePath}</Text>
      {card.ticketId && onOpenTicket ? (
        <View className='page-card__link' role='link' onClick={() => onOpenTicket(card.ticketId!)}>
          {t.openTicket} ›
        </View>
      ) : null}
      {card.orderNo ? (
        <View
          className='page-card__link'
          role='button'
          aria-label={`${t.copyOrder} ${card.orderNo}`}
          onClick={() => void copy(card.orderNo!)}
        >
          {card.orderNo} · {t.copyOrder}
        </View>
      ) : null}
    </View>
  )
}

/** Under a message in a WeChat conversation: "via WeChat" on the shopper's, the delivery state on replies. */
export function WechatNote({ message, lang }: { message: ChatMessage; lang: Lang }) {
  const t = texts[lang]
  if (message.origin === 'wechat') {
    return (
      <Text className='wechat-note wechat-note--origin' aria-label={t.originLabel}>
        {t.origin}
      </Text>
    )
  }
  if (!message.delivery) return null
  const bad = message.delivery === 'failed' || message.delivery === 'expired' || message.delivery === 'limited'
  return (
    <View className={`wechat-note wechat-note--${bad ? 'bad' : 'ok'}`} role={bad ? 'alert' : 'status'}>
      {t.delivery[message.delivery]}
    </View>
  )
}
