import { Text, View } from '@tarojs/components'
import { SERVICE_TYPES, type ServiceTypeId } from '@shared/catalog-data'

const ICONS: Record<ServiceTypeId, string> = { order: '单', product: '品', logistics: '运', payment: '付', member: '会' }

interface Props {
  value: ServiceTypeId | null
  onPick(id: ServiceTypeId): void
}

/** Step 1: the five service types as large cards, each with a typical example. */
export function ServiceTypeStep({ value, onPick }: Props) {
  return (
    <View className='tf-step' role='radiogroup' aria-label='服务类型'>
      <Text className='tf-step__title'>您遇到的是哪类问题？</Text>
      {SERVICE_TYPES.map((t) => (
        <View
          key={t.id}
          className={`tf-type ${value === t.id ? 'tf-type--on' : ''}`}
          role='radio'
          aria-checked={value === t.id}
          aria-label={`${t.zh}问题`}
          onClick={() => onPick(t.id)}
        >
          <View className={`tf-type__icon tf-type__icon--${t.id}`}>{ICONS[t.id]}</View>
          <View className='tf-type__body'>
            <Text className='tf-type__name'>{t.zh}问题</Text>
            <Text className='tf-type__example'>例如：{t.exampleZh}</Text>
          </View>
          <Text className='tf-type__arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}
