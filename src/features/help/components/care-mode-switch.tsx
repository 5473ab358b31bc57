import { View, Text } from '@tarojs/components'
import { useCareMode } from '@/lib/care-mode'
import { t } from '@/lib/i18n'

/** The one switch for care mode (长辈模式); the whole row is the target. */
export function CareModeSwitch() {
  const on = useCareMode((s) => s.on)
  const setOn = useCareMode((s) => s.setOn)
  return (
    <View
      className={`card care-switch ${on ? 'care-switch--on' : ''}`}
      role='switch'
      ariaRole='switch'
      aria-checked={on}
      aria-label={t('help.careMode')}
      onClick={() => setOn(!on)}
    >
      <View className='care-switch__text'>
        <Text className='care-switch__title'>{t('help.careMode')}</Text>
        <Text className='care-switch__hint'>{t('help.careModeHint')}</Text>
      </View>
      <View className='care-switch__track' aria-hidden>
        <View className='care-switch__thumb' />
      </View>
    </View>
  )
}
