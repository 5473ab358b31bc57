import { Text, View } from '@tarojs/components'
import { getServiceType, subtypesOf, type ServiceTypeId, type SubtypeId } from '@shared/catalog-data'
import { evidenceSlots } from '../ticket-form.helpers'
import { named, t } from '@/lib/i18n'
import { focusable } from '@/lib/a11y'

interface Props {
  serviceType: ServiceTypeId
  value: SubtypeId | null
  onPick(id: SubtypeId): void
}

/** Step 2: the subtypes of the chosen service type, each saying what it covers and what to prepare. */
export function SubtypeStep({ serviceType, value, onPick }: Props) {
  return (
    <View className='tf-step' role='radiogroup' ariaRole='radiogroup' aria-label={t(`tickets.steps.${1}`)}>
      <Text className='tf-step__title'>
        {t('tickets.subtypeTitle', { type: named(getServiceType(serviceType) ?? { zh: '', en: '' }) })}
      </Text>
      {subtypesOf(serviceType).map((s) => {
        const evidence = evidenceSlots(s.id)
        return (
          <View
            key={s.id}
            className={`tf-sub ${value === s.id ? 'tf-sub--on' : ''}`}
            role='radio'
            ariaRole='radio'
            {...focusable}
            aria-checked={value === s.id}
            aria-label={named(s)}
            onClick={() => onPick(s.id)}
          >
            <Text className='tf-sub__name'>{named(s)}</Text>
            <Text className='tf-sub__desc'>{named({ zh: s.descriptionZh, en: s.descriptionEn })}</Text>
            {evidence.length > 0 && (
              <Text className='tf-sub__needs'>
                {t('tickets.needs', {
                  list: evidence.map((e) => t('tickets.filesOf', { label: e.label, n: e.minFiles })).join(t('tickets.sep')),
                })}
              </Text>
            )}
          </View>
        )
      })}
    </View>
  )
}
