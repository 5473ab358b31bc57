import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import { withValue } from './input-value'
import { t } from '@/lib/i18n'

interface Props {
  visible: boolean
  title: string
  hint: string
  placeholder: string
  submitLabel: string
  busy: boolean
  onClose(): void
  onSubmit(reason: string): Promise<string | null>
}

/** A bottom sheet asking why (未解决 / 投诉); the reason needs at least two characters. */
export function ReasonSheet({ visible, title, hint, placeholder, submitLabel, busy, onClose, onSubmit }: Props) {
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const send = async () => {
    if (busy) return
    if (reason.trim().length < 2) return setError(t('tickets.reasonRequired', { title: title.replace(/^.*?·\s*/, '') }))
    const failed = await onSubmit(reason.trim())
    if (failed) setError(failed)
    else setReason('')
  }
  return (
    <Popup visible={visible} position='bottom' round closeable title={title} onClose={onClose} destroyOnClose>
      <View className='td-sheet'>
        <Text className='td-sheet__hint'>{hint}</Text>
        <Textarea
          className='td-sheet__textarea'
          value={reason}
          maxlength={500}
          placeholder={placeholder}
          aria-label={t('tickets.reasonAria', { title })}
          onInput={withValue((v) => {
            setReason(v)
            setError(null)
          })}
        />
        {error && (
          <View className='td-sheet__error' role='alert' ariaRole='alert'>
            {error}
          </View>
        )}
        <Button className={`td-sheet__submit ${busy ? 'td-sheet__submit--busy' : ''}`} onClick={send}>
          {submitLabel}
        </Button>
      </View>
    </Popup>
  )
}
