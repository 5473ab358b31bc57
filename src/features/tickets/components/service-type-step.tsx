import { Text, View } from '@tarojs/components'
import { SERVICE_TYPES, type ServiceTypeId } from '@shared/catalog-data'
import { named, t } from '@/lib/i18n'
import { focusable } from '@/lib/a11y'

interface Props {
  value: ServiceTypeId | null
  onPick(id: ServiceTypeId): void
}

/** Step 1: the five service types as large cards, each with a typical example. */
export function ServiceTypeStep({ value, onPick }: Props) {
  return (
    <View className='tf-step' role='radiogroup' ariaRole='radiogroup' aria-label={t(`tickets.steps.${0}`)}>
      <Text className='tf-step__title'>{t('tickets.typeQuestion')}</Text>
      {SERVICE_TYPES.map((type) => (
        <View
          key={type.id}
          className={`tf-type ${value === type.id ? 'tf-type--on' : ''}`}
          role='radio'
          ariaRole='radio'
          {...focusable}
          aria-checked={value === type.id}
          aria-label={t('tickets.typeName', { name: named(type) })}
          onClick={() => onPick(type.id)}
        >
          <View className={`tf-type__icon tf-type__icon--${type.id}`}>{t(`tickets.typeIcons.${type.id}`)}</View>
          <View className='tf-type__body'>
            <Text className='tf-type__name'>{t('tickets.typeName', { name: named(type) })}</Text>
            <Text className='tf-type__example'>{t('tickets.example', { text: named({ zh: type.exampleZh, en: type.exampleEn }) })}</Text>
          </View>
          <Text className='tf-type__arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}
