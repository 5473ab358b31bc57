import { useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { getSession } from '@/lib/session'
import { isWeapp } from '@/lib/platform'
import { ChannelGrid } from '@/features/help/components/channel-grid'
import { EmailSheet } from '@/features/help/components/email-sheet'
import { FaqSearch, FaqSection } from '@/features/help/components/faq-section'
import { TipsCard } from '@/features/help/components/tips-card'
import { fileEmailTicket } from '@/features/help/help.api'
import { useOpenTickets, useOrderPicker } from '@/features/help/help.context'
import { helpText as t } from '@/features/help/help.i18n'
import { useHelpStore } from '@/features/help/help.store'
import { chatStateLabel } from '@/features/chat/chat.presence'
import { useChatStore, selectUnread, selectChatConversation } from '@/features/chat/chat.store'
import { newClientMsgId } from '@/lib/conversation'
import type { EmailForm } from '@/features/help/help.helpers'
import { PrivacySheet } from '@/components/privacy-sheet'
import './index.scss'

/** 帮助中心: every channel with its live state, the FAQ, tips and expected times. */
export default function HelpPage() {
  const [openTickets, refreshTickets] = useOpenTickets()
  const [emailOpen, setEmailOpen] = useState(false)
  const [emailKey, setEmailKey] = useState(() => newClientMsgId())
  const order = useOrderPicker()
  const unread = useChatStore(selectUnread)
  const conversation = useChatStore(selectChatConversation)
  const chat = chatStateLabel(conversation)

  useDidShow(() => {
    void useHelpStore.getState().loadCategory()
    refreshTickets()
  })
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
    await Taro.showToast({ title: t.emailSent, icon: 'success' })
  }

  return (
    <View className='page help'>
      <View className='help__hero'>
        <Text className='help__greeting'>{t.greeting}</Text>
        <Text className='help__sub'>{t.greetingSub}</Text>
        <FaqSearch />
      </View>
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
      <FaqSection />
      <TipsCard />
      {emailOpen ? <EmailSheet onSubmit={submitEmail} onClose={() => setEmailOpen(false)} /> : null}
      <PrivacySheet />
    </View>
  )
}
