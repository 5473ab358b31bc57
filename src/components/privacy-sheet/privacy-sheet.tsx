import { Button, Text, View } from '@tarojs/components'
import { AGREE_BUTTON_ID, agreePrivacy, openPrivacyGuideline, refusePrivacy, usePrivacy } from '@/lib/privacy'
import { t } from '@/lib/i18n'

/**
 * The consent sheet WeChat's privacy rules ask for: opened when a privacy API waits for the
 * shopper's answer, with a link to the guideline, WeChat's own agree button and a way to say no.
 * Pages that pick photos render it once.
 */
export function PrivacySheet() {
  const asking = usePrivacy((s) => s.asking)
  if (!asking) return null
  return (
    <View className='privacy' role='dialog' ariaRole='dialog' aria-modal='true' aria-label={t('privacy.title')}>
      <View className='privacy__mask' />
      <View className='privacy__sheet'>
        <Text className='privacy__title'>{t('privacy.title')}</Text>
        <View className='privacy__body'>
          <Text>{t('privacy.body')}</Text>
          <Text className='privacy__link' onClick={openPrivacyGuideline}>
            {t('privacy.guideline')}
          </Text>
          <Text>{t('privacy.bodyEnd')}</Text>
        </View>
        <View className='privacy__actions'>
          <Button className='privacy__btn privacy__btn--ghost' onClick={refusePrivacy}>
            {t('privacy.refuse')}
          </Button>
          <Button
            id={AGREE_BUTTON_ID}
            className='privacy__btn privacy__btn--primary'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={agreePrivacy}
          >
            {t('privacy.agree')}
          </Button>
        </View>
      </View>
    </View>
  )
}
