import { View, Text } from '@tarojs/components'
import { LOCALES, setLocale, t, useLocale, type Locale } from '@/lib/i18n'
import './language-switch.scss'

// Each language is named in itself, so a shopper who cannot read the current one still finds theirs.
const NAMES: Record<Locale, string> = { 'zh-CN': '中文', 'en-US': 'English' }

/** 语言 / Language: switches the whole app at once and remembers the choice. */
export function LanguageSwitch() {
  const locale = useLocale()
  return (
    <View className='card lang-switch'>
      <Text className='section-title' id='lang-switch-title' data-i18n-allow='language-name'>
        {t('help.language')}
      </Text>
      <View className='lang-switch__options' role='radiogroup' ariaRole='radiogroup' aria-labelledby='lang-switch-title'>
        {LOCALES.map((l) => (
          <View
            key={l}
            className={`lang-switch__option ${l === locale ? 'lang-switch__option--active' : ''}`}
            role='radio'
            ariaRole='radio'
            aria-checked={l === locale}
            data-i18n-allow='language-name'
            onClick={() => setLocale(l)}
          >
            {NAMES[l]}
          </View>
        ))}
      </View>
    </View>
  )
}
