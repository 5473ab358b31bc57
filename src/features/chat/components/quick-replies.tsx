import { ScrollView, View } from '@tarojs/components'
import type { QuickReply } from '@shared/chat'
import { focusable } from '@/lib/a11y'

/** The latest bot answer's suggestions, as buttons above the composer. */
export function QuickReplies({ items, onPick }: { items: QuickReply[]; onPick: (q: QuickReply) => void }) {
  if (items.length === 0) return null
  return (
    <ScrollView className='quick' scrollX enhanced showScrollbar={false} {...focusable}>
      <View className='quick__row'>
        {items.map((q) => (
          <View
            key={`${q.action}-${q.label}`}
            className={`quick__item quick__item--${q.action}`}
            role='button'
            ariaRole='button'
            onClick={() => onPick(q)}
          >
            {q.label}
          </View>
        ))}
      </View>
    </ScrollView>
  )
}
