import { useEffect, useRef, useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import { useEnterToSend } from '@/lib/enter-to-send'
import { MAX_MESSAGE_TEXT } from '../chat.helpers'
import { chatText as t } from '../chat.i18n'

export interface ComposerProps {
  onSend: (text: string) => void
  onImage: () => void
  onOrder: () => void
  onTyping?: () => void
  /** Text put back into the box to edit (a refused message); a new `key` puts it back again. */
  refill?: { text: string; key: string } | null
}

// Show the count once a message gets long enough to matter.
const SHOW_COUNT_FROM = MAX_MESSAGE_TEXT - 500
const TYPING_EVERY_MS = 3000

/** Text box with send, and a tray for photos and orders. */
export function Composer({ onSend, onImage, onOrder, onTyping, refill }: ComposerProps) {
  const [text, setText] = useState('')
  useEffect(() => {
    if (refill) setText(refill.text)
  }, [refill])
  const [tray, setTray] = useState(false)
  const lastTyping = useRef(0)
  const field = useEnterToSend<React.ElementRef<typeof Textarea>>()
  const canSend = text.trim().length > 0
  const send = () => {
    if (!canSend) return
    onSend(text)
    setText('')
  }
  const input = (value: string) => {
    setText(value)
    const now = Date.now()
    if (onTyping && value && now - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = now
      onTyping()
    }
  }
  return (
    <View className='composer'>
      <View className='composer__bar'>
        <View className='composer__more' role='button' aria-label={t.more} aria-expanded={tray} onClick={() => setTray(!tray)}>
          {tray ? '×' : '+'}
        </View>
        <View className='composer__field'>
          <Textarea
            ref={field}
            className='composer__input'
            value={text}
            autoHeight
            maxlength={MAX_MESSAGE_TEXT}
            placeholder={t.placeholder}
            confirmType='send'
            showConfirmBar={false}
            cursorSpacing={16}
            aria-label={t.placeholder}
            onInput={(e) => input(e.detail.value)}
            onConfirm={send}
            onFocus={() => setTray(false)}
          />
          {text.length >= SHOW_COUNT_FROM ? (
            <Text className={`composer__count ${text.length >= MAX_MESSAGE_TEXT ? 'composer__count--full' : ''}`}>
              {text.length}/{MAX_MESSAGE_TEXT}
            </Text>
          ) : null}
        </View>
        <View
          className={`composer__send ${canSend ? '' : 'composer__send--off'}`}
          role='button'
          aria-label={t.send}
          aria-disabled={!canSend}
          onClick={send}
        >
          {t.send}
        </View>
      </View>
      {tray ? (
        <View className='composer__tray'>
          <View className='composer__tool' role='button' onClick={() => (setTray(false), onImage())}>
            <View className='composer__tool-icon'>▣</View>
            <Text>{t.image}</Text>
          </View>
          <View className='composer__tool' role='button' onClick={() => (setTray(false), onOrder())}>
            <View className='composer__tool-icon'>☰</View>
            <Text>{t.order}</Text>
          </View>
        </View>
      ) : null}
    </View>
  )
}
