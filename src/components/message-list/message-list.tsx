import { useEffect, useMemo, useRef, useState } from 'react'
import { View, Text, ScrollView } from '@tarojs/components'
import type { ChatMessage } from '@shared/chat'
import { formatTime } from '@/lib/time'
import { blockedImages, buildRows, type PendingMessage, type Viewer } from './message-list.helpers'
import { defaultLang, listText } from './message-list.i18n'
import { MessageBubble, PendingBubble } from './message-bubble'
import './message-list.scss'

export interface MessageListProps {
  /** Whose screen this is: that side's messages sit on the right with read marks. */
  viewer: Viewer
  messages: ChatMessage[]
  /** The viewer's sends the server has not confirmed yet. */
  pending: PendingMessage[]
  /** How far the other side has read. */
  peerReadSeq: number
  typing: boolean
  online?: boolean
  hasOlder?: boolean
  loadingOlder?: boolean
  onLoadOlder?: () => Promise<void>
  onRetry: (clientMsgId: string) => void
  /** A text refused by content security: take it back into the composer to change it. */
  onEdit?: (clientMsgId: string) => void
  /** Shown when there is nothing to draw yet (e.g. "loading"). */
  emptyText?: string
  lang?: 'zh' | 'en'
}

const BOTTOM = 'chat-bottom'
// "No earlier messages" is only worth saying once there is something to scroll.
const PAGE_HINT_FROM = 8
const rowId = (key: string) => `r-${key.replace(/[^A-Za-z0-9_-]/g, '')}`

/**
 * The timeline, the same on the shopper's chat and in the agent workspace. Stays pinned to the
 * newest message while the viewer is at the bottom; when they scrolled up, new messages raise
 * a "N new" button instead of yanking the view. Older pages load at the top and the view stays
 * on the message that was first before.
 */
export function MessageList(p: MessageListProps) {
  const t = listText(p.lang ?? defaultLang)
  const online = p.online ?? true
  const rows = useMemo(() => buildRows(p.messages, p.pending, p.peerReadSeq, p.viewer), [p.messages, p.pending, p.peerReadSeq, p.viewer])
  const blockedUploads = useMemo(() => blockedImages(p.messages), [p.messages])
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
    // A conversation opened afresh (or replaced) starts over from its newest message.
    if (newest < lastSeq.current) lastSeq.current = 0
    const mineAdded = p.pending.length > pendingCount.current
    const grew = newest > lastSeq.current || mineAdded
    const fromOthers = p.messages.filter((m) => m.seq > lastSeq.current && m.sender !== p.viewer).length
    lastSeq.current = Math.max(lastSeq.current, newest)
    pendingCount.current = p.pending.length
    if (!grew) return
    if (atBottom.current || mineAdded) {
      scrollTo(BOTTOM, 'end')
      setUnseen(0)
    } else setUnseen((n) => n + fromOthers)
  }, [p.messages, p.pending.length, p.viewer])

  useEffect(() => {
    if (p.typing && atBottom.current) scrollTo(BOTTOM, 'end')
  }, [p.typing])

  const loadOlder = async () => {
    if (!p.onLoadOlder) return
    const first = rows.find((r) => r.type !== 'time')
    await p.onLoadOlder()
    if (first) scrollTo(rowId(first.key), 'start')
  }
  const jump = () => {
    scrollTo(BOTTOM, 'end')
    setUnseen(0)
    atBottom.current = true
  }

  return (
    <View className={`chat-list chat-list--${p.viewer}`}>
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
          ) : rows.length === 0 && p.emptyText ? (
            <Text className='chat-list__hint'>{p.emptyText}</Text>
          ) : null}
        </View>
        {rows.map((r) =>
          r.type === 'time' ? (
            <View key={r.key} className='chat-list__time'>
              <Text>{formatTime(r.at, new Date(), p.lang ?? defaultLang)}</Text>
            </View>
          ) : (
            <View key={r.key} id={rowId(r.key)}>
              {r.type === 'message' ? (
                <MessageBubble
                  message={r.message}
                  read={r.read}
                  viewer={p.viewer}
                  blocked={r.message.uploadId !== null && blockedUploads.has(r.message.uploadId)}
                  t={t}
                />
              ) : (
                <PendingBubble
                  item={r.item}
                  viewer={p.viewer}
                  online={online}
                  onRetry={() => p.onRetry(r.item.clientMsgId)}
                  onEdit={p.onEdit ? () => p.onEdit?.(r.item.clientMsgId) : undefined}
                  t={t}
                />
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
        <View className='chat-list__jump' role='button' ariaRole='button' onClick={jump}>
          {t.newMessages(unseen)} ↓
        </View>
      ) : null}
    </View>
  )
}
