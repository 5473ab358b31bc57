import { View, Text } from '@tarojs/components'
import { TIPS } from '@shared/catalog-data'
import { getLang } from '@/lib/i18n'
import { expectedTimes } from '../help.helpers'
import { t } from '@/lib/i18n'

const duration = (d: { value: number; unit: 'hours' | 'days' }) =>
  `${t('help.about')} ${d.unit === 'hours' ? t('help.hours', { n: d.value }) : t('help.days', { n: d.value })}`

/** The catalog's tips and expected times, short and friendly. */
export function TipsCard() {
  const times = expectedTimes()
  const en = getLang() === 'en'
  return (
    <View className='card tips'>
      <Text className='section-title'>{t('help.tips')}</Text>
      {TIPS.map((tip, i) => (
        <View key={tip.id} className='tips__item'>
          <Text className='tips__num'>{i + 1}</Text>
          <View className='tips__text'>
            <Text className='tips__title'>{en ? tip.titleEn : tip.titleZh}</Text>
            <Text className='tips__body'>{en ? tip.bodyEn : tip.bodyZh}</Text>
          </View>
        </View>
      ))}
      <View className='tips__times' aria-label={t('help.expected')}>
        <View className='tips__time'>
          <Text className='tips__time-value'>{duration(times.firstReply)}</Text>
          <Text className='tips__time-label'>{t('help.firstReply')}</Text>
        </View>
        <View className='tips__divider' />
        <View className='tips__time'>
          <Text className='tips__time-value'>{duration(times.resolution)}</Text>
          <Text className='tips__time-label'>{t('help.resolution')}</Text>
        </View>
      </View>
    </View>
  )
}
