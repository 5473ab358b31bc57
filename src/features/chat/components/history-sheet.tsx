import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { ChatMessage, Conversation } from '@shared/chat'
import { MessageList } from '@/components/message-list'
import { getLang } from '@/lib/i18n'
import { formatTime } from '@/lib/time'
import { fetchConversations, poll } from '../chat.api'
import { t } from '@/lib/i18n'

export interface HistorySheetProps {
  currentId: string | null
  onClose: () => void
}

// Beyond any seq: the latest page of a conversation.
const LATEST = 2_147_483_647

/** 会话记录: the shopper's conversations, and any one of them to read back. */
export function HistorySheet({ currentId, onClose }: HistorySheetProps) {
  const [items, setItems] = useState<Conversation[] | null>(null)
  const [failed, setFailed] = useState(false)
  const [reading, setReading] = useState<{ id: string; messages: ChatMessage[] | null } | null>(null)
  const load = () => {
    setFailed(false)
    fetchConversations()
      .then((res) => setItems(res.items))
      .catch(() => setFailed(true))
  }
  useEffect(load, [])
  const open = (id: string) => {
    setReading({ id, messages: null })
    poll({ conversationId: id, before: LATEST, limit: 100 })
      .then((res) => setReading({ id, messages: res.messages }))
      .catch(() => setReading(null))
  }
  const lang = getLang()

  return (
    <View className='sheet' role='dialog' ariaRole='dialog' aria-label={t('chat.history')}>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel history'>
        <View className='sheet__head'>
          {reading ? (
            <View className='history__back' role='button' ariaRole='button' onClick={() => setReading(null)}>
              ‹ {t('chat.historyBack')}
            </View>
          ) : (
            <Text className='sheet__title'>{t('chat.history')}</Text>
          )}
          <View className='sheet__close' role='button' ariaRole='button' aria-label={t('chat.close')} onClick={onClose}>
            ×
          </View>
        </View>
        {reading ? (
          <View className='history__read'>
            <MessageList
              viewer='shopper'
              messages={reading.messages ?? []}
              pending={[]}
              peerReadSeq={0}
              typing={false}
              onRetry={() => undefined}
              emptyText={t('chat.loading')}
            />
          </View>
        ) : failed ? (
          <View className='history__hint' role='button' ariaRole='button' onClick={load}>
            {t('chat.historyFailed')}
          </View>
        ) : items === null ? (
          <View className='history__hint'>{t('chat.loading')}</View>
        ) : items.length === 0 ? (
          <View className='history__hint'>{t('chat.historyEmpty')}</View>
        ) : (
          items.map((c) => (
            <View key={c.id} className='history__item' role='button' ariaRole='button' onClick={() => open(c.id)}>
              <Text className='history__when'>{formatTime(c.createdAt, new Date(), lang)}</Text>
              <Text className='history__state'>
                {c.id === currentId ? t('chat.historyCurrent') : c.status === 'ended' ? t('chat.historyEnded') : t('chat.historyOpen')}
                {c.caseNo ? ` · ${c.caseNo}` : ''}
              </Text>
            </View>
          ))
        )}
      </View>
    </View>
  )
}
