import { ScrollView, Text, View } from '@tarojs/components'
import { MAX_MESSAGE_TEXT } from '@shared/chat-data'
import { Composer } from '@/components/composer'
import { explainPhotosRefused, pickPhotos } from '@/lib/media'
import { isH5 } from '@/lib/platform'
import { quickPhrasesFor } from '../quick-phrases'
import './reply-composer.scss'
import { t } from '@/lib/i18n'

export interface ReplyComposerProps {
  serviceType: string | null
  draft: string
  onDraft: (text: string) => void
  onSend: (text: string) => void
  onImage: (localPath: string) => void
  onTyping?: () => void
}

/** The agent's composer: the shared one with canned answers for the service type and an image button. */
export function ReplyComposer({ serviceType, draft, onDraft, onSend, onImage, onTyping }: ReplyComposerProps) {
  const phrases = quickPhrasesFor(serviceType)
  const pickImage = async () => {
    const picked = await pickPhotos({ count: 1 })
    if (picked.status === 'picked') onImage(picked.files[0].path)
    else if (picked.status === 'privacy-refused') explainPhotosRefused()
  }
  const phraseBar = (
    <ScrollView className='reply-phrases' scrollX aria-label={t('agent.reply.phrases')}>
      {phrases.map((p) => (
        <View
          key={p.id}
          className='reply-phrases__item'
          role='button'
          ariaRole='button'
          aria-label={t('agent.reply.phraseAria', { label: p.label })}
          onClick={() => onDraft(draft.trim() ? `${draft.trim()}\n${p.text}` : p.text)}
        >
          {p.label}
        </View>
      ))}
    </ScrollView>
  )
  const imageButton = (
    <View className='composer__more' role='button' ariaRole='button' aria-label={t('agent.reply.image')} onClick={() => void pickImage()}>
      <Text>＋</Text>
    </View>
  )
  return (
    <Composer
      className='composer--desk'
      value={draft}
      onChange={onDraft}
      onSend={onSend}
      onTyping={onTyping}
      placeholder={isH5 ? t('agent.reply.placeholderH5') : t('agent.reply.placeholder')}
      inputLabel={t('agent.reply.input')}
      sendLabel={t('agent.reply.send')}
      limitText={t('agent.reply.limit', { max: MAX_MESSAGE_TEXT })}
      leading={imageButton}
      above={phraseBar}
    />
  )
}
