import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { isWeapp } from '@/lib/platform'
import wechatIcon from '@/assets/icons/wechat.png'
import { contactReturn, contactSessionFrom, orderMessagePath, ticketMessagePath, CHAT_URL } from '../help.helpers'
import { helpText as t } from '../help.i18n'
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
  const res = await Taro.showModal({
    title: t.wechatH5Title,
    content: t.wechatH5Body,
    confirmText: t.wechatH5Confirm,
    cancelText: t.wechatH5Copy,
  })
  if (res.confirm) await Taro.switchTab({ url: CHAT_URL })
  else await Taro.setClipboardData({ data: t.wechatAccount })
}

/**
 * 微信客服. In the mini-program a real contact button: WeChat opens its service session with
 * `sessionFrom` (who and which order) and, when an order is picked, a card leading back to it.
 */
export function WechatContact({ userId, orderNo, caseNo, ticketId, page = 'pages/help/index', onPickOrder }: WechatContactProps) {
  if (!isWeapp) {
    return <ChannelCard icon={wechatIcon} title={t.wechat} sub={t.wechatH5Sub} onTap={explainOutsideWechat} />
  }
  const card = orderNo
    ? { title: `${t.attachOrder} ${orderNo}`, path: orderMessagePath(orderNo) }
    : ticketId
      ? { title: caseNo ? `${t.wechatCaseCard} ${caseNo}` : t.wechatCaseCard, path: ticketMessagePath(ticketId) }
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
        aria-label={t.wechat}
      >
        <ChannelCardBody icon={wechatIcon} title={t.wechat} sub={t.wechatSub} />
      </Button>
      {onPickOrder ? (
        <View className='channel__order' role='button' onClick={onPickOrder}>
          {orderNo ? `${t.attachOrder} …${orderNo.slice(-6)}` : `${t.attachOrder} ▸`}
        </View>
      ) : null}
    </View>
  )
}
