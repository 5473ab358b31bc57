import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { isWeapp } from '@/lib/platform'
import { askModal } from '@/lib/modal'
import wechatIcon from '@/assets/icons/wechat.png'
import { contactReturn, contactSessionFrom, orderMessagePath, ticketMessagePath, CHAT_URL } from '../help.helpers'
import { t } from '@/lib/i18n'
import { ChannelCard, ChannelCardBody } from './channel-card'

export interface WechatContactProps {
  userId?: string | null
  orderNo?: string | null
  caseNo?: string | null
  /** The ticket of the current case: its card is offered when no order is picked. */
  ticketId?: string | null
  /** The page the button sits on, passed to WeChat's session. */
  page?: string
  onPickOrder?: () => void
}

/** The shopper tapped a card in WeChat's service chat: open the page it points to. */
async function openContactCard(e: { detail?: { path?: string; query?: Record<string, string> } }): Promise<void> {
  const target = contactReturn(e.detail)
  if (!target) return
  if (target.tab) await Taro.switchTab({ url: target.url })
  else await Taro.navigateTo({ url: target.url })
}

/** H5 cannot open WeChat's service session: explain, and offer online chat instead. */
async function explainOutsideWechat() {
  const choice = await askModal({
    title: t('help.wechatH5Title'),
    content: t('help.wechatH5Body'),
    confirmText: t('help.wechatH5Confirm'),
    cancelText: t('help.wechatH5Copy'),
  })
  // A dialog the browser would not show still leads somewhere useful: the same team, online.
  if (choice !== 'cancel') return void Taro.switchTab({ url: CHAT_URL }).catch(() => undefined)
  await Taro.setClipboardData({ data: t('help.wechatAccount') }).catch(() => Taro.showToast({ title: t('help.copyFailed'), icon: 'none' }))
}

/**
 * 微信客服. In the mini-program a real contact button: WeChat opens its service session with
 * `sessionFrom` (who and which order) and, when an order is picked, a card leading back to it.
 */
export function WechatContact({ userId, orderNo, caseNo, ticketId, page = 'pages/help/index', onPickOrder }: WechatContactProps) {
  if (!isWeapp) {
    return <ChannelCard icon={wechatIcon} title={t('help.wechat')} sub={t('help.wechatH5Sub')} onTap={explainOutsideWechat} />
  }
  const card = orderNo
    ? { title: `${t('help.attachOrder')} ${orderNo}`, path: orderMessagePath(orderNo) }
    : ticketId
      ? { title: caseNo ? `${t('help.wechatCaseCard')} ${caseNo}` : t('help.wechatCaseCard'), path: ticketMessagePath(ticketId) }
      : null
  return (
    <View className='channel channel--wechat'>
      <Button
        className='channel__button'
        openType='contact'
        sessionFrom={contactSessionFrom({ userId, orderNo, caseNo, page })}
        showMessageCard={!!card}
        sendMessageTitle={card?.title}
        sendMessagePath={card?.path}
        sendMessageImg={card ? wechatIcon : undefined}
        onContact={(e) => void openContactCard(e)}
        aria-label={t('help.wechat')}
      >
        <ChannelCardBody icon={wechatIcon} title={t('help.wechat')} sub={t('help.wechatSub')} />
      </Button>
      {onPickOrder ? (
        <View className='channel__order' role='button' ariaRole='button' onClick={onPickOrder}>
          {orderNo ? `${t('help.attachOrder')} …${orderNo.slice(-6)}` : `${t('help.attachOrder')} ▸`}
        </View>
      ) : null}
    </View>
  )
}
