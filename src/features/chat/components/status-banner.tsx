import { View, Text } from '@tarojs/components'
import type { Conversation } from '@shared/chat'
import { t } from '@/lib/i18n'

/** Queue position or "ended" (the header names a connected agent); and a line when offline. */
export function StatusBanner({ conversation, online }: { conversation: Conversation | null; online: boolean }) {
  const line = !conversation
    ? null
    : conversation.status === 'queued'
      ? conversation.queuePosition
        ? t('chat.queueBanner', { ahead: conversation.queuePosition - 1 })
        : t('chat.queueConnecting')
      : conversation.status === 'ended'
        ? t('chat.endedBanner')
        : null
  return (
    <View className='banners' aria-live='polite'>
      {!online ? <Text className='banner banner--offline'>{t('chat.offline')}</Text> : null}
      {line ? <Text className={`banner banner--${conversation?.status}`}>{line}</Text> : null}
    </View>
  )
}
