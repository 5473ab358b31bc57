import { View, Text } from '@tarojs/components'
import type { Conversation } from '@shared/chat'
import { chatText as t } from '../chat.i18n'

/** Queue position or "ended" (the header names a connected agent); and a line when offline. */
export function StatusBanner({ conversation, online }: { conversation: Conversation | null; online: boolean }) {
  const line = !conversation
    ? null
    : conversation.status === 'queued'
      ? t.queueBanner(conversation.queuePosition)
      : conversation.status === 'ended'
        ? t.endedBanner
        : null
  return (
    <View className='banners' aria-live='polite'>
      {!online ? <Text className='banner banner--offline'>{t.offline}</Text> : null}
      {line ? <Text className={`banner banner--${conversation?.status}`}>{line}</Text> : null}
    </View>
  )
}
