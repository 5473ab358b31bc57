import { Text, View } from '@tarojs/components'
import './length-count.scss'

export interface LengthCountProps {
  length: number
  max: number
  /** Said once the field is full: the field cuts longer text, and the writer should know. */
  fullText: string
  className?: string
}

/** "n/max" under a text field, and a plain word when the limit has cut what was typed or pasted. */
export function LengthCount({ length, max, fullText, className }: LengthCountProps) {
  const full = length >= max
  return (
    <View className={`length-count ${full ? 'length-count--full' : ''} ${className ?? ''}`} aria-live='polite'>
      {full ? <Text className='length-count__full'>{fullText}</Text> : null}
      <Text className='length-count__n'>
        {length}/{max}
      </Text>
    </View>
  )
}
