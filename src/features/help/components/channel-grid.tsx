import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { CHANNEL_DEFAULTS } from '@shared/catalog-data'
import chatIcon from '@/assets/icons/chat.png'
import phoneIcon from '@/assets/icons/phone.png'
import emailIcon from '@/assets/icons/email.png'
import ticketIcon from '@/assets/icons/ticket.png'
import ticketsIcon from '@/assets/icons/tickets.png'
import { CHAT_URL, TICKETS_URL, ticketUrl } from '../help.helpers'
import { t } from '@/lib/i18n'
import { ChannelCard } from './channel-card'
import { WechatContact, type WechatContactProps } from './wechat-contact'

export interface ChannelGridProps {
  chatUnread: number
  chatState: string
  chatLive: boolean
  openTickets: number
  /** The shopper's case number, so the hotline finds the chat and tickets behind it. */
  caseNo?: string | null
  wechat: WechatContactProps
  onEmail: () => void
}

/** Every way to reach service, with live state where there is one. */
export function ChannelGrid(props: ChannelGridProps) {
  const hotline = CHANNEL_DEFAULTS.hotline
  return (
    <View className='card'>
      <Text className='section-title'>{t('help.channels')}</Text>
      <View className='channels'>
        <ChannelCard
          icon={chatIcon}
          title={t('help.chat')}
          sub={props.chatState}
          live={props.chatLive}
          badge={props.chatUnread}
          onTap={() => Taro.switchTab({ url: CHAT_URL })}
        />
        <WechatContact {...props.wechat} />
        {/* In H5 Taro dials through a tel: link. */}
        <ChannelCard
          icon={phoneIcon}
          title={`${t('help.phone')} ${hotline.value}`}
          sub={props.caseNo ? `${t('help.hotlineHours')} · ${t('help.tellCase', { caseNo: props.caseNo })}` : t('help.hotlineHours')}
          onTap={() => Taro.makePhoneCall({ phoneNumber: hotline.value })}
        />
        <ChannelCard icon={emailIcon} title={t('help.email')} sub={CHANNEL_DEFAULTS.email.value} onTap={props.onEmail} />
        <ChannelCard
          icon={ticketIcon}
          title={t('help.ticket')}
          sub={t('help.ticketSub')}
          onTap={() => Taro.navigateTo({ url: ticketUrl() })}
        />
        <ChannelCard
          icon={ticketsIcon}
          title={t('help.myTickets')}
          sub={t('help.myTicketsOpen', { n: props.openTickets })}
          badge={props.openTickets}
          onTap={() => Taro.switchTab({ url: TICKETS_URL })}
        />
      </View>
    </View>
  )
}
