import Taro from '@tarojs/taro'
import { Button, View } from '@tarojs/components'
import { isWeapp } from '@/lib/platform'
import wechatIcon from '@/assets/icons/wechat.png'
import { contactSessionFrom, orderMessagePath, CHAT_URL } from '../help.helpers'
import { helpText as t } from '../help.i18n'
import { ChannelCard, ChannelCardBody } from './channel-card'

export interface WechatContactProps {
  userId?: string | null
  orderNo?: string | null
  caseNo?: string | null
  onPickOrder?: () => void
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
export function WechatContact({ userId, orderNo, caseNo, onPickOrder }: WechatContactProps) {
  if (!isWeapp) {
    return <ChannelCard icon={wechatIcon} title={t.wechat} sub={t.wechatH5Sub} onTap={explainOutsideWechat} />
  }
  return (
    <View className='channel channel--wechat'>
      <Button
        className='channel__button'
        openType='contact'
        sessionFrom={contactSessionFrom({ userId, orderNo, caseNo })}
        showMessageCard={!!orderNo}
        sendMessageTitle={orderNo ? `${t.attachOrder} ${orderNo}` : undefined}
        sendMessagePath={orderNo ? orderMessagePath(orderNo) : undefined}
        aria-label={t.wechat}
      >
        <ChannelCardBody icon={wechatIcon} title={t.wechat} sub={t.wechatSub} />
      </Button>
      {onPickOrder ? (
        <View className='channel__order' role='button' ariaRole='button' onClick={onPickOrder}>
          {orderNo ? `${t.attachOrder} …${orderNo.slice(-6)}` : `${t.attachOrder} ▸`}
        </View>
      ) : null}
    </View>
  )
}
