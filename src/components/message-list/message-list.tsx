import { memo, useEffect, useMemo, useRef, useState } from 'react'
import { View, Text, ScrollView } from '@tarojs/components'
import type { ChatMessage } from '@shared/chat'
import { formatTime } from '@/lib/time'
import { blockedImages, buildRows, type PendingMessage, type Viewer } from './message-list.helpers'
import { MessageBubble, PendingBubble } from './message-bubble'
import { NEWEST, pinTop, revealAbove, trimAtBottom, WINDOW_ROWS, windowStart, type WindowTop } from './message-list.window'
import './message-list.scss'
import { getLang, t } from '@/lib/i18n'

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
  /** Agents: opens the ticket a shopper's WeChat page card points to. */
  onOpenTicket?: (ticketId: string) => void
}

const BOTTOM = 'chat-bottom'
// "No earlier messages" is only worth saying once there is something to scroll.
const PAGE_HINT_FROM = 8
const rowId = (key: string) => `r-${key.replace(/[^A-Za-z0-9_-]/g, '')}`
// A drawn bubble whose message, read mark and block state did not change is not drawn again.
const Bubble = memo(MessageBubble)

/**
 * The timeline, the same on the shopper's chat and in the agent workspace. Stays pinned to the
 * newest message while the viewer is at the bottom; when they scrolled up, new messages raise
 * a "N new" button instead of yanking the view. Older pages load at the top and the view stays
 * on the message that was first before. Only a window of the newest rows is drawn (see
 * message-list.window.ts); scrolling to its top reveals more, then pages older history in.
 */
export function MessageList(p: MessageListProps) {
  const online = p.online ?? true
  const rows = useMemo(() => buildRows(p.messages, p.pending, p.peerReadSeq, p.viewer), [p.messages, p.pending, p.peerReadSeq, p.viewer])
  const blockedUploads = useMemo(() => blockedImages(p.messages), [p.messages])
  const [anchor, setAnchor] = useState<{ id: string; align: 'start' | 'end' }>({ id: BOTTOM, align: 'end' })
  const [unseen, setUnseen] = useState(0)
  const [top, setTop] = useState<WindowTop>(NEWEST)
  const atBottom = useRef(true)
  const start = windowStart(rows, top, atBottom.current)
  const drawn = start > 0 ? rows.slice(start) : rows
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
    // Anchor the window on the row it starts at now, so appends and prepends leave drawn rows in place.
    // A window cut back at the bottom, or one whose row is gone, is pinned where it is drawn now.
    const anchored = top.key !== null && rows.some((r) => r.key === top.key)
    if (rows.length > 0 && (!anchored || start !== windowStart(rows, top, false))) setTop(pinTop(rows, start))
  }, [rows, start, top])

  useEffect(() => {
    if (p.typing && atBottom.current) scrollTo(BOTTOM, 'end')
  }, [p.typing])

  const firstDrawn = () => drawn.find((r) => r.type !== 'time')
  // An image gets its height only once loaded; the first scroll left part of it below the fold.
  const imageLoaded = () => {
    if (atBottom.current) scrollTo(BOTTOM, 'end')
  }

  const loadOlder = async () => {
    const first = firstDrawn()
    // Asking for earlier messages means reading up there: new ones must not pull the view down.
    atBottom.current = false
    if (start > 0) {
      setTop(revealAbove(rows, start))
    } else {
      if (!p.onLoadOlder) return
      await p.onLoadOlder()
      if (first) setTop(revealAbove(rows, rows.indexOf(first)))
    }
    if (first) scrollTo(rowId(first.key), 'start')
  }
  const backAtBottom = () => {
    const trimmed = trimAtBottom(rows, start)
    if (trimmed) setTop(trimmed)
  }
  const jump = () => {
    if (rows.length - start > WINDOW_ROWS) setTop(pinTop(rows, rows.length - WINDOW_ROWS))
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
        onScrollToUpper={() => void ((start > 0 || p.hasOlder) && !p.loadingOlder && loadOlder())}
        onScrollToLower={() => {
          atBottom.current = true
          setUnseen(0)
          backAtBottom()
        }}
        onScroll={(e) => {
          if (e.detail.scrollTop < lastTop.current - 4) atBottom.current = false
          lastTop.current = e.detail.scrollTop
        }}
      >
        <View className='chat-list__top'>
          {p.loadingOlder ? (
            <Text className='chat-list__hint'>{t('messageList.loading')}</Text>
          ) : start > 0 || p.hasOlder ? (
            <Text className='chat-list__older' onClick={() => void loadOlder()}>
              {t('messageList.older')}
            </Text>
          ) : p.messages.length > PAGE_HINT_FROM ? (
            <Text className='chat-list__hint'>{t('messageList.noOlder')}</Text>
          ) : rows.length === 0 && p.emptyText ? (
            <Text className='chat-list__hint'>{p.emptyText}</Text>
          ) : null}
        </View>
        {drawn.map((r) =>
          r.type === 'time' ? (
            <View key={r.key} className='chat-list__time'>
              <Text>{formatTime(r.at, new Date(), getLang())}</Text>
            </View>
          ) : (
            <View key={r.key} id={rowId(r.key)}>
              {r.type === 'message' ? (
                <Bubble
                  message={r.message}
                  read={r.read}
                  viewer={p.viewer}
                  blocked={r.message.uploadId !== null && blockedUploads.has(r.message.uploadId)}
                  onOpenTicket={p.onOpenTicket}
                  onImageLoad={imageLoaded}
                />
              ) : (
                <PendingBubble
                  item={r.item}
                  viewer={p.viewer}
                  online={online}
                  onRetry={() => p.onRetry(r.item.clientMsgId)}
                  onEdit={p.onEdit ? () => p.onEdit?.(r.item.clientMsgId) : undefined}
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
            <Text className='chat-list__hint'>{t('messageList.typing')}</Text>
          </View>
        ) : null}
        <View id={BOTTOM} className='chat-list__bottom' />
      </ScrollView>
      {unseen > 0 ? (
        <View className='chat-list__jump' role='button' ariaRole='button' onClick={jump}>
          {t('messageList.newMessages', { n: unseen })} ↓
        </View>
      ) : null}
    </View>
  )
}
