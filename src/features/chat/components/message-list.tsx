import { useEffect, useMemo, useRef, useState } from 'react'
import { View, Text, ScrollView } from '@tarojs/components'
import type { ChatMessage } from '@shared/chat'
import type { OutboxItem } from '../chat.helpers'
import { buildRows, formatTime } from '../chat.timeline'
import { chatLang, chatText as t } from '../chat.i18n'
import { MessageBubble } from './message-bubble'
import { PendingBubble } from './pending-bubble'

export interface MessageListProps {
  messages: ChatMessage[]
  outbox: OutboxItem[]
  peerReadSeq: number
  typing: boolean
  online: boolean
  hasOlder: boolean
  loadingOlder: boolean
  onLoadOlder: () => Promise<void>
  onRetry: (clientMsgId: string) => void
}

const BOTTOM = 'chat-bottom'
// "No earlier messages" is only worth saying once there is something to scroll.
const PAGE_HINT_FROM = 8
const rowId = (key: string) => `r-${key.replace(/[^A-Za-z0-9_-]/g, '')}`

/**
 * The timeline. Stays pinned to the newest message while the shopper is at the bottom; when
 * they scrolled up, new messages raise a "N new" button instead of yanking the view. Older
 * pages load at the top and the view stays on the message that was first before.
 */
export function MessageList(p: MessageListProps) {
  const rows = useMemo(() => buildRows(p.messages, p.outbox, p.peerReadSeq), [p.messages, p.outbox, p.peerReadSeq])
  const [anchor, setAnchor] = useState<{ id: string; align: 'start' | 'end' }>({ id: BOTTOM, align: 'end' })
  const [unseen, setUnseen] = useState(0)
  const atBottom = useRef(true)
  const lastTop = useRef(0)
  const lastSeq = useRef(0)
  const pendingCount = useRef(0)

  const scrollTo = (id: string, align: 'start' | 'end') => {
    // Re-setting the same id does not scroll again, so clear it first.
    setAnchor({ id: '', align })
    setTimeout(() => setAnchor({ id, align }), 0)
  }

  useEffect(() => {
    const newest = p.messages[p.messages.length - 1]?.seq ?? 0
    const grew = newest > lastSeq.current || p.outbox.length > pendingCount.current
    const fromOthers = p.messages.filter((m) => m.seq > lastSeq.current && m.sender !== 'shopper').length
    const mineAdded = p.outbox.length > pendingCount.current
    lastSeq.current = Math.max(lastSeq.current, newest)
    pendingCount.current = p.outbox.length
    if (!grew) return
    if (atBottom.current || mineAdded) {
      scrollTo(BOTTOM, 'end')
      setUnseen(0)
    } else setUnseen((n) => n + fromOthers)
  }, [p.messages, p.outbox.length])

  useEffect(() => {
    if (p.typing && atBottom.current) scrollTo(BOTTOM, 'end')
  }, [p.typing])

  const loadOlder = async () => {
    const first = rows.find((r) => r.type !== 'time')
    await p.onLoadOlder()
    if (first) scrollTo(rowId(first.key), 'start')
  }

  return (
    <View className='chat-list'>
      <ScrollView
        className='chat-list__scroll'
        scrollY
        scrollIntoView={anchor.id}
        scrollIntoViewAlignment={anchor.align}
        upperThreshold={40}
        lowerThreshold={80}
        onScrollToUpper={() => void (p.hasOlder && !p.loadingOlder && loadOlder())}
        onScrollToLower={() => {
          atBottom.current = true
          setUnseen(0)
        }}
        onScroll={(e) => {
          if (e.detail.scrollTop < lastTop.current - 4) atBottom.current = false
          lastTop.current = e.detail.scrollTop
        }}
      >
        <View className='chat-list__top'>
          {p.loadingOlder ? (
            <Text className='chat-list__hint'>{t.loading}</Text>
          ) : p.hasOlder ? (
            <Text className='chat-list__older' onClick={() => void loadOlder()}>
              {t.older}
            </Text>
          ) : p.messages.length > PAGE_HINT_FROM ? (
            <Text className='chat-list__hint'>{t.noOlder}</Text>
          ) : null}
        </View>
        {rows.map((r) =>
          r.type === 'time' ? (
            <View key={r.key} className='chat-list__time'>
              <Text>{formatTime(r.at, new Date(), chatLang)}</Text>
            </View>
          ) : (
            <View key={r.key} id={rowId(r.key)}>
              {r.type === 'message' ? (
                <MessageBubble message={r.message} read={r.read} />
              ) : (
                <PendingBubble item={r.item} online={p.online} onRetry={() => p.onRetry(r.item.clientMsgId)} />
              )}
            </View>
          ),
        )}
        {p.typing ? (
          <View className='chat-list__typing' aria-live='polite'>
            <View className='typing-dots'>
              <View className='typing-dots__dot' />
              <View className='typing-dots__dot' />
              <View className='typing-dots__dot' />
            </View>
            <Text className='chat-list__hint'>{t.typing}</Text>
          </View>
        ) : null}
        <View id={BOTTOM} className='chat-list__bottom' />
      </ScrollView>
      {unseen > 0 ? (
        <View className='chat-list__jump' role='button' onClick={() => (scrollTo(BOTTOM, 'end'), setUnseen(0), (atBottom.current = true))}>
          {t.newMessages(unseen)} ↓
        </View>
      ) : null}
    </View>
  )
}
