import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { MAX_MESSAGE_TEXT } from '@shared/chat-data'
import { Composer } from '@/components/composer'
import { t } from '@/lib/i18n'

export interface ChatComposerProps {
  draft: string
  onDraft: (text: string) => void
  onSend: (text: string) => void
  onImage: () => void
  onOrder: () => void
  onTyping?: () => void
}

/** The shopper's composer: the shared one with a tray for photos and orders. */
export function ChatComposer({ draft, onDraft, onSend, onImage, onOrder, onTyping }: ChatComposerProps) {
  const [tray, setTray] = useState(false)
  const toggle = (
    <View
      className='composer__more'
      role='button'
      ariaRole='button'
      aria-label={t('chat.more')}
      aria-expanded={tray}
      onClick={() => setTray(!tray)}
    >
      {tray ? '×' : '+'}
    </View>
  )
  const tools = tray ? (
    <View className='composer__tray'>
      <View className='composer__tool' role='button' ariaRole='button' onClick={() => (setTray(false), onImage())}>
        <View className='composer__tool-icon'>▣</View>
        <Text>{t('chat.image')}</Text>
      </View>
      <View className='composer__tool' role='button' ariaRole='button' onClick={() => (setTray(false), onOrder())}>
        <View className='composer__tool-icon'>☰</View>
        <Text>{t('chat.order')}</Text>
      </View>
    </View>
  ) : null
  return (
    <Composer
      value={draft}
      onChange={onDraft}
      onSend={onSend}
      onTyping={onTyping}
      placeholder={t('chat.placeholder')}
      inputLabel={t('chat.placeholder')}
      sendLabel={t('chat.send')}
      limitText={t('chat.lengthFull', { max: MAX_MESSAGE_TEXT })}
      leading={toggle}
      below={tools}
      onFocus={() => setTray(false)}
    />
  )
}
