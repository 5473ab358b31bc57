import { useRef, type ReactNode } from 'react'
import { View, Textarea } from '@tarojs/components'
import { MAX_MESSAGE_TEXT, TYPING_EVERY_MS } from '@shared/chat-data'
import { useEnterToSend } from '@/lib/enter-to-send'
import { LengthCount } from '../length-count'
import './composer.scss'

export interface ComposerProps {
  /** The draft; kept by the caller's store so it survives a reload. */
  value: string
  onChange: (text: string) => void
  onSend: (text: string) => void
  /** Called at most every few seconds while the viewer types. */
  onTyping?: () => void
  disabled?: boolean
  placeholder: string
  inputLabel: string
  sendLabel: string
  /** Said when the text reaches the limit and the box has cut the rest. */
  limitText: string
  /** Before the text box (the shopper's "+" tray toggle, the agent's image button). */
  leading?: ReactNode
  /** Above the row (the agent's quick phrases). */
  above?: ReactNode
  /** Below the row (the shopper's tray of photos and orders). */
  below?: ReactNode
  onFocus?: () => void
  className?: string
}

// Show the count once a message gets long enough to matter.
const SHOW_COUNT_FROM = MAX_MESSAGE_TEXT - 500

/** The one message composer of shopper chat and agent workspace: text box, send, and slots. */
export function Composer(props: ComposerProps) {
  const { value, onChange, onSend, onTyping, disabled, placeholder, inputLabel, sendLabel, leading, above, below } = props
  const lastTyping = useRef(0)
  const field = useEnterToSend<React.ElementRef<typeof Textarea>>()
  const canSend = !disabled && value.trim().length > 0
  const send = () => {
    if (!canSend) return
    onSend(value)
    onChange('')
  }
  const input = (next: string) => {
    onChange(next)
    const now = Date.now()
    if (onTyping && next && now - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = now
      onTyping()
    }
  }
  return (
    <View className={`composer ${props.className ?? ''}`}>
      {above}
      <View className='composer__bar'>
        {leading}
        <View className='composer__field'>
          <Textarea
            ref={field}
            className='composer__input'
            value={value}
            disabled={disabled}
            autoHeight
            maxlength={MAX_MESSAGE_TEXT}
            placeholder={placeholder}
            confirmType='send'
            showConfirmBar={false}
            cursorSpacing={16}
            aria-label={inputLabel}
            onInput={(e) => input(e.detail.value)}
            onConfirm={send}
            onFocus={props.onFocus}
          />
          {value.length >= SHOW_COUNT_FROM ? (
            <LengthCount className='composer__count' length={value.length} max={MAX_MESSAGE_TEXT} fullText={props.limitText} />
          ) : null}
        </View>
        <View
          className={`composer__send ${canSend ? '' : 'composer__send--off'}`}
          role='button'
          ariaRole='button'
          aria-label={sendLabel}
          aria-disabled={!canSend}
          onClick={send}
        >
          {sendLabel}
        </View>
      </View>
      {below}
    </View>
  )
}
