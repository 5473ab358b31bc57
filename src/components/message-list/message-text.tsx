import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { segmentText } from './message-list.helpers'
import { t } from '@/lib/i18n'

/**
 * Message text, always as text nodes (never parsed as markup). URLs and order numbers are
 * highlighted and copy on tap, since a mini-program cannot open arbitrary links.
 */
export function MessageText({ text }: { text: string }) {
  const copy = (value: string) =>
    void Taro.setClipboardData({ data: value }).then(() => Taro.showToast({ title: t('messageList.copied'), icon: 'none' }))
  return (
    <Text className='bubble__text' userSelect>
      {segmentText(text).map((seg, i) =>
        seg.type === 'text' ? (
          seg.value
        ) : (
          <Text
            key={i}
            className={seg.type === 'url' ? 'bubble__url' : 'bubble__order-no'}
            aria-label={`${seg.value}，${t('messageList.copyHint')}`}
            onClick={() => copy(seg.value)}
          >
            {seg.value}
          </Text>
        ),
      )}
    </Text>
  )
}
