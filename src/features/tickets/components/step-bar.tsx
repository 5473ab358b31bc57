import { Text, View } from '@tarojs/components'
import { t as tx } from '@/lib/i18n'

interface Props {
  titles: string[]
  current: number
  /** Going back to a finished step is allowed; going forward goes through 下一步. */
  onBack(step: number): void
}

/** The four-step progress bar of the ticket form. */
export function StepBar({ titles, current, onBack }: Props) {
  return (
    <View className='tf-steps' role='list' ariaRole='list' aria-label={tx('tickets.stepAria', { i: current + 1, n: titles.length })}>
      {titles.map((t, i) => {
        const state = i < current ? 'done' : i === current ? 'on' : 'todo'
        return (
          <View
            key={t}
            className={`tf-stepi tf-stepi--${state}`}
            role='listitem'
            ariaRole='listitem'
            aria-current={i === current ? 'step' : undefined}
            onClick={() => i < current && onBack(i)}
          >
            <View className='tf-stepi__dot'>{i < current ? '✓' : i + 1}</View>
            <Text className='tf-stepi__title'>{t}</Text>
          </View>
        )
      })}
    </View>
  )
}
