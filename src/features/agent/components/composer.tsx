import { useRef, useState } from 'react'
import { Button, ScrollView, Text, Textarea, View } from '@tarojs/components'
import { useEnterToSend } from '@/lib/enter-to-send'
import { explainPhotosRefused, pickPhotos } from '@/lib/media'
import { isH5 } from '@/lib/platform'
import { quickPhrasesFor } from '../quick-phrases'
import './composer.scss'

// Same limit as the chat contract's MAX_MESSAGE_TEXT (the app cannot import TypeBox schemas).
const MAX_MESSAGE_TEXT = 2000

export interface ComposerProps {
  serviceType: string | null
  disabled?: boolean
  onSend: (text: string) => void
  onImage: (localPath: string) => void
  /** Called at most every few seconds while the agent types. */
  onTyping?: () => void
}

const TYPING_EVERY_MS = 4000

/** Text box with canned answers for the conversation's service type, image picking and send. */
export function Composer({ serviceType, disabled, onSend, onImage, onTyping }: ComposerProps) {
  const [text, setText] = useState('')
  const field = useEnterToSend<React.ElementRef<typeof Textarea>>()
  const lastTyping = useRef(0)
  const phrases = quickPhrasesFor(serviceType)
  const canSend = !disabled && text.trim() !== ''

  const send = () => {
    if (!canSend) return
    onSend(text)
    setText('')
  }
  const pickImage = async () => {
    const picked = await pickPhotos({ count: 1 })
    if (picked.status === 'picked') onImage(picked.files[0].path)
    else if (picked.status === 'privacy-refused') explainPhotosRefused()
  }

  return (
    <View className='reply-box'>
      <ScrollView className='reply-box__phrases' scrollX aria-label='快捷短语'>
        {phrases.map((p) => (
          <View
            key={p.id}
            className='reply-box__phrase'
            role='button'
            aria-label={`快捷短语 ${p.label}`}
            onClick={() => !disabled && setText((t) => (t.trim() ? `${t.trim()}\n${p.text}` : p.text))}
          >
            {p.label}
          </View>
        ))}
      </ScrollView>
      <View className='reply-box__row'>
        <View className='reply-box__image' role='button' aria-label='发送图片' onClick={() => !disabled && void pickImage()}>
          <Text className='reply-box__image-icon'>＋</Text>
        </View>
        <Textarea
          ref={field}
          className='reply-box__input'
          aria-label='回复内容'
          value={text}
          disabled={disabled}
          maxlength={MAX_MESSAGE_TEXT}
          autoHeight
          placeholder={disabled ? '会话已结束' : isH5 ? '输入回复，Enter 发送' : '输入回复'}
          confirmType='send'
          onInput={(e) => {
            const v = e.detail.value
            if (onTyping && v && Date.now() - lastTyping.current > TYPING_EVERY_MS) {
              lastTyping.current = Date.now()
              onTyping()
            }
            setText(v)
          }}
          onConfirm={send}
        />
        <Button className='reply-box__send' disabled={!canSend} onClick={send} aria-label='发送'>
          发送
        </Button>
      </View>
    </View>
  )
}
