import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { getSession } from '@/lib/session'
import { isWeapp } from '@/lib/platform'
import { ChannelGrid } from '@/features/help/components/channel-grid'
import { EmailSheet } from '@/features/help/components/email-sheet'
import { FaqSearch, FaqSection } from '@/features/help/components/faq-section'
import { TipsCard } from '@/features/help/components/tips-card'
import { LanguageSwitch } from '@/features/help/components/language-switch'
import { CareModeSwitch } from '@/features/help/components/care-mode-switch'
import { fileEmailTicket } from '@/features/help/help.api'
import { useOpenTickets, useOrderPicker } from '@/features/help/help.context'
import { t } from '@/lib/i18n'
import { useHelpStore } from '@/features/help/help.store'
import { chatStateLabel } from '@/features/chat/chat.presence'
import { useChatStore, selectUnread, selectChatConversation } from '@/features/chat/chat.store'
import { newClientMsgId } from '@/lib/conversation'
import type { EmailForm } from '@/features/help/help.helpers'
import { PrivacySheet } from '@/components/privacy-sheet'
import { useCareModeClass } from '@/lib/care-mode'
import './index.scss'
import { usePageShell } from '@/lib/page-shell'

/** 帮助中心: every channel with its live state, the FAQ, tips and expected times. */
export default function HelpPage() {
  const locale = usePageShell('titles.help', true)
  const care = useCareModeClass()
  const [openTickets, refreshTickets] = useOpenTickets()
  const [emailOpen, setEmailOpen] = useState(false)
  const [emailKey, setEmailKey] = useState(() => newClientMsgId())
  const order = useOrderPicker()
  const unread = useChatStore(selectUnread)
  const conversation = useChatStore(selectChatConversation)
  const chat = chatStateLabel(conversation)
  // While searching, the answers come first: the first screen has to change as the shopper types.
  const searching = useHelpStore((s) => s.query.trim().length > 0)

  useDidShow(() => {
    void useHelpStore.getState().loadCategory()
    refreshTickets()
  })
  // The FAQ comes from the server in one language: fetch it again after a switch.
  const shownLocale = useRef(locale)
  useEffect(() => {
    if (shownLocale.current === locale) return
    shownLocale.current = locale
    void useHelpStore.getState().loadCategory(true)
  }, [locale])
  usePullDownRefresh(async () => {
    await useHelpStore.getState().loadCategory(true)
    refreshTickets()
    await Taro.stopPullDownRefresh()
  })

  const submitEmail = async (form: EmailForm) => {
    await fileEmailTicket(form, emailKey, conversation?.caseNo)
    setEmailOpen(false)
    setEmailKey(newClientMsgId())
    refreshTickets()
    await Taro.showToast({ title: t('help.emailSent'), icon: 'success' })
  }

  return (
    <View className={`page help ${care}`}>
      <View className='help__hero'>
        <Text className='help__greeting'>{t('help.greeting')}</Text>
        <Text className='help__sub'>{t('help.greetingSub')}</Text>
        <FaqSearch />
      </View>
      {searching ? <FaqSection /> : null}
      <ChannelGrid
        chatUnread={unread}
        chatState={chat.label}
        chatLive={chat.live}
        openTickets={openTickets}
        caseNo={conversation?.caseNo}
        wechat={{
          userId: getSession()?.user.id,
          orderNo: order.orderNo,
          caseNo: conversation?.caseNo,
          ticketId: conversation?.ticketId,
          page: 'pages/help/index',
          onPickOrder: isWeapp ? order.pick : undefined,
        }}
        onEmail={() => setEmailOpen(true)}
      />
      <CareModeSwitch />
      {searching ? null : <FaqSection />}
      <TipsCard />
      <LanguageSwitch />
      {emailOpen ? <EmailSheet onSubmit={submitEmail} onClose={() => setEmailOpen(false)} /> : null}
      <PrivacySheet />
    </View>
  )
}
