import { View, Text } from '@tarojs/components'
import type { Sender } from '@shared/chat'
import { chatText as t } from '../chat.i18n'

/** A round avatar: the bot, an agent (their initial) or the shopper. */
export function Avatar({ sender, name }: { sender: Sender; name?: string | null }) {
  const label = sender === 'bot' ? t.bot : sender === 'agent' ? (name ?? t.agentFallback) : t.you
  const glyph = sender === 'bot' ? (t.bot === '智能客服' ? '智' : 'AI') : sender === 'agent' ? label.slice(0, 1) : t.you.slice(0, 1)
  return (
    <View className={`avatar avatar--${sender}`} aria-label={label}>
      <Text className='avatar__glyph'>{glyph}</Text>
    </View>
  )
}
