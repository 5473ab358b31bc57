import { Text, View } from '@tarojs/components'
import { getServiceType, subtypesOf, type ServiceTypeId, type SubtypeId } from '@shared/catalog-data'
import { evidenceSlots } from '../ticket-form.helpers'

interface Props {
  serviceType: ServiceTypeId
  value: SubtypeId | null
  onPick(id: SubtypeId): void
}

/** Step 2: the subtypes of the chosen service type, each saying what it covers and what to prepare. */
export function SubtypeStep({ serviceType, value, onPick }: Props) {
  return (
    <View className='tf-step' role='radiogroup' aria-label='问题类型'>
      <Text className='tf-step__title'>{getServiceType(serviceType)?.zh}问题 · 具体是？</Text>
      {subtypesOf(serviceType).map((s) => {
        const evidence = evidenceSlots(s.id)
        return (
          <View
            key={s.id}
            className={`tf-sub ${value === s.id ? 'tf-sub--on' : ''}`}
            role='radio'
            aria-checked={value === s.id}
            aria-label={s.zh}
            onClick={() => onPick(s.id)}
          >
            <Text className='tf-sub__name'>{s.zh}</Text>
            <Text className='tf-sub__desc'>{s.descriptionZh}</Text>
            {evidence.length > 0 && (
              <Text className='tf-sub__needs'>
                需准备：{evidence.map((e) => `${e.label}${e.minFiles > 1 ? ` ${e.minFiles} 张` : ''}`).join('、')}
              </Text>
            )}
          </View>
        )
      })}
    </View>
  )
}
