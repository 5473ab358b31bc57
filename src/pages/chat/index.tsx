import { useState } from 'react'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { QuickReply } from '@shared/chat'
import { isH5 } from '@/lib/platform'
import { askModal } from '@/lib/modal'
import { selectConversation, selectMessages } from '@/lib/conversation'
import { sendTyping } from '@/features/chat/chat.api'
import { endChat, handoff, openChat, quickReply, sendImage, sendOrder, sendText, submitRating } from '@/features/chat/chat.actions'
import { t } from '@/lib/i18n'
import { pickImage } from '@/features/chat/chat.media'
import { chatStateLabel } from '@/features/chat/chat.presence'
import { chat, useChatStore } from '@/features/chat/chat.store'
import { MessageList } from '@/components/message-list'
import { ChatComposer } from '@/features/chat/components/chat-composer'
import { HistorySheet } from '@/features/chat/components/history-sheet'
import { OrderPicker } from '@/features/chat/components/order-picker'
import { QuickReplies } from '@/features/chat/components/quick-replies'
import { RatingSheet } from '@/features/chat/components/rating-sheet'
import { StatusBanner } from '@/features/chat/components/status-banner'
import { PrivacySheet } from '@/components/privacy-sheet'
import { useCareModeClass } from '@/lib/care-mode'
import './index.scss'
import { usePageShell } from '@/lib/page-shell'

const toastError = (e: unknown) => void Taro.showToast({ title: (e as Error).message, icon: 'none' })

/** 在线客服: the conversation with the bot and then an agent. */
export default function ChatPage() {
  usePageShell('titles.chat', true)
  const care = useCareModeClass()
  const s = useChatStore()
  const c = selectConversation(s)
  const messages = selectMessages(s)
  const pending = chat.selectPending(s)
  const [picking, setPicking] = useState(false)
  const [ratingClosed, setRatingClosed] = useState<string | null>(null)
  const [handingOff, setHandingOff] = useState(false)
  const [historyOpen, setHistoryOpen] = useState(false)
  useDidShow(() => void openChat())
  useDidHide(() => void chat.setVisible(false))

  const last = messages[messages.length - 1]
  const quick = last?.sender === 'bot' && pending.length === 0 ? (last.meta?.quickReplies ?? []) : []
  const showRating = !!c && c.rating.requested && c.rating.pending.length > 0 && ratingClosed !== c.id
  const header = chatStateLabel(c)

  const onQuick = (q: QuickReply) => void quickReply(q, last?.meta?.ticketPrefill).catch(toastError)
  const onHandoff = async () => {
    setHandingOff(true)
    await handoff().catch(toastError)
    setHandingOff(false)
  }
  const onEnd = async () => {
    if ((await askModal({ title: t('chat.end'), content: t('chat.endConfirm') })) === 'confirm') await endChat().catch(toastError)
  }
  const onImage = async () => {
    const path = await pickImage()
    if (path) sendImage(path)
  }

  return (
    <View className={`chat ${isH5 ? 'chat--h5' : ''} ${care}`}>
      <View className='chat__header'>
        <View className='chat__who'>
          <Text className='chat__title'>{t('chat.title')}</Text>
          <Text className={`chat__state ${header.live ? 'chat__state--live' : ''}`}>{header.label}</Text>
        </View>
        <View
          className='chat__action chat__action--ghost chat__history'
          role='button'
          ariaRole='button'
          onClick={() => setHistoryOpen(true)}
        >
          {t('chat.history')}
        </View>
        {c?.status === 'bot' || !c ? (
          <View
            className='chat__action chat__handoff'
            role='button'
            ariaRole='button'
            aria-busy={handingOff}
            onClick={handingOff ? undefined : onHandoff}
          >
            {handingOff ? t('chat.handoffBusy') : t('chat.handoff')}
          </View>
        ) : null}
        {c && c.status !== 'ended' ? (
          <View className='chat__action chat__action--ghost' role='button' ariaRole='button' onClick={onEnd}>
            {t('chat.end')}
          </View>
        ) : null}
      </View>
      <StatusBanner conversation={c} online={s.online} />
      {s.status === 'error' && messages.length === 0 ? (
        <View className='chat__error' role='button' ariaRole='button' onClick={() => chat.reload()}>
          {t('chat.loadFailed')}
        </View>
      ) : (
        <MessageList
          viewer='shopper'
          messages={messages}
          pending={pending}
          peerReadSeq={s.peerReadSeq}
          typing={s.typing}
          online={s.online}
          hasOlder={s.hasOlder}
          loadingOlder={s.loadingOlder}
          onLoadOlder={() => chat.loadOlder().catch(toastError)}
          onRetry={(id) => void chat.retry(id)}
          onEdit={(id) => {
            const item = pending.find((o) => o.clientMsgId === id)
            chat.discard(id)
            if (item?.text) chat.setDraft(item.text)
          }}
        />
      )}
      <QuickReplies items={quick} onPick={onQuick} />
      <ChatComposer
        draft={chat.selectDraft(s)}
        onDraft={chat.setDraft}
        onSend={sendText}
        onImage={onImage}
        onOrder={() => setPicking(true)}
        onTyping={() => void sendTyping().catch(() => undefined)}
      />
      {picking ? <OrderPicker onPick={(o) => (setPicking(false), sendOrder(o))} onClose={() => setPicking(false)} /> : null}
      {historyOpen ? <HistorySheet currentId={s.currentId} onClose={() => setHistoryOpen(false)} /> : null}
      {showRating ? (
        <RatingSheet targets={c.rating.pending} agentName={c.agentName} onSubmit={submitRating} onClose={() => setRatingClosed(c.id)} />
      ) : null}
      <PrivacySheet />
    </View>
  )
}
