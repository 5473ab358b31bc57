import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { t } from '@/lib/i18n'

interface Props {
  id: string
  label: string
  required?: boolean
  hint?: string
  error?: string | null
  children: ReactNode
}

/** A labelled form row with its hint and its inline error (the error names the field). */
export function FormField({ id, label, required, hint, error, children }: Props) {
  return (
    <View className={`tf-field ${error ? 'tf-field--error' : ''}`} id={`field-${id}`} data-field={id}>
      <View className='tf-field__label'>
        <Text>{label}</Text>
        {required ? <Text className='tf-field__req'>*</Text> : <Text className='tf-field__opt'>{t('tickets.optional')}</Text>}
      </View>
      {children}
      {error ? (
        <View className='tf-field__error' role='alert' ariaRole='alert'>
          {error}
        </View>
      ) : hint ? (
        <Text className='tf-field__hint'>{hint}</Text>
      ) : null}
    </View>
  )
}
