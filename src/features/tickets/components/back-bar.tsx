import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { isH5 } from '@/lib/platform'
import { t } from '@/lib/i18n'
import './back-bar.scss'

interface Props {
  title: string
  /** The tab to land on when there is no page to go back to (a shared link, a reload). */
  fallbackTab: string
}

/** H5 has no native navigation bar: a back control and the page title in its place. */
export function BackBar({ title, fallbackTab }: Props) {
  if (!isH5) return null
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack().catch(() => Taro.switchTab({ url: fallbackTab }))
    else void Taro.switchTab({ url: fallbackTab })
  }
  return (
    <View className='back-bar'>
      <View className='back-bar__back' role='button' ariaRole='button' aria-label={t('tickets.back')} onClick={back}>
        <Text className='back-bar__arrow' aria-hidden>
          ‹
        </Text>
        <Text>{t('tickets.back')}</Text>
      </View>
      <View className='back-bar__title' role='heading' ariaRole='heading' aria-level={1}>
        {title}
      </View>
    </View>
  )
}
