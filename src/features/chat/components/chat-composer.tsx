import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { Composer } from '@/components/composer'
import { chatText as t } from '../chat.i18n'

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
      aria-label={t.more}
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
        <Text>{t.image}</Text>
      </View>
      <View className='composer__tool' role='button' ariaRole='button' onClick={() => (setTray(false), onOrder())}>
        <View className='composer__tool-icon'>☰</View>
        <Text>{t.order}</Text>
      </View>
    </View>
  ) : null
  return (
    <Composer
      value={draft}
      onChange={onDraft}
      onSend={onSend}
      onTyping={onTyping}
      placeholder={t.placeholder}
      inputLabel={t.placeholder}
      sendLabel={t.send}
      leading={toggle}
      below={tools}
      onFocus={() => setTray(false)}
    />
  )
}
