import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { AgentConversation } from '@shared/chat'
import { askText, windowLine } from './reply-window.helpers'
import { t } from '@/lib/i18n'
import './wechat-channel.scss'

/**
 * WeChat's reply window on a wechat conversation: time and replies left; once closed, what to
 * use instead (a subscribe message, SMS/email, or a copyable ask to continue in the mini-program).
 */
export function ReplyWindowBar({ conversation }: { conversation: Pick<AgentConversation, 'channel' | 'wechatWindow' | 'caseNo'> }) {
  const w = conversation.wechatWindow
  if (conversation.channel !== 'wechat' || !w) return null
  const copy = async () => {
    await Taro.setClipboardData({ data: askText(conversation.caseNo) })
    void Taro.showToast({ title: t('agent.wechat.copied'), icon: 'success' })
  }
  return (
    <View
      className={`reply-window ${w.open ? '' : 'reply-window--closed'}`}
      role={w.open ? 'status' : 'alert'}
      ariaRole={w.open ? 'status' : 'alert'}
    >
      <Text className='reply-window__line'>{windowLine(w, new Date())}</Text>
      {w.open ? null : (
        <View className='reply-window__fallback'>
          {w.fallback === 'subscribe' ? <Text>{t('agent.wechat.fallbackSubscribe')}</Text> : null}
          {w.fallback === 'contact' ? <Text>{t('agent.wechat.fallbackContact')}</Text> : null}
          <Text>{t('agent.wechat.fallbackAsk')}</Text>
          <View className='reply-window__ask'>
            <Text selectable className='reply-window__ask-text'>
              {askText(conversation.caseNo)}
            </Text>
            <View
              className='reply-window__copy'
              role='button'
              ariaRole='button'
              aria-label={t('agent.wechat.copy')}
              onClick={() => void copy()}
            >
              {t('agent.wechat.copy')}
            </View>
          </View>
        </View>
      )}
    </View>
  )
}
