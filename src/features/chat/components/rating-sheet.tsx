import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import type { RatingTarget } from '@shared/chat'
import { CHAT_RATING_TAGS_BAD, CHAT_RATING_TAGS_GOOD, type ChatRatingTag } from '@shared/chat-data'
import { t, type MessageKey } from '@/lib/i18n'

export interface RatingSheetProps {
  targets: RatingTarget[]
  agentName: string | null
  onSubmit: (target: RatingTarget, score: number, tags: string[], comment: string) => Promise<void>
  onClose: () => void
}

function TargetRating({
  target,
  agentName,
  onSubmit,
}: { target: RatingTarget; agentName: string | null } & Pick<RatingSheetProps, 'onSubmit'>) {
  const [score, setScore] = useState(0)
  const [tags, setTags] = useState<ChatRatingTag[]>([])
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const options: readonly ChatRatingTag[] = score >= 4 ? CHAT_RATING_TAGS_GOOD : score > 0 ? CHAT_RATING_TAGS_BAD : []
  const toggle = (tag: ChatRatingTag) => setTags((ts) => (ts.includes(tag) ? ts.filter((x) => x !== tag) : [...ts, tag]))
  const submit = async () => {
    if (!score) return setError(t('chat.rateNeedStars'))
    setBusy(true)
    try {
      await onSubmit(
        target,
        score,
        tags.filter((x) => options.includes(x)),
        comment.trim(),
      )
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }
  return (
    <View className={`rating rating--${target}`}>
      <Text className='rating__who'>
        {target === 'bot' ? t('chat.rateBot') : t('chat.rateAgent', { name: agentName ?? t('chat.agentFallback') })}
      </Text>
      <View className='rating__stars' role='radiogroup' ariaRole='radiogroup'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`rating__star ${n <= score ? 'rating__star--on' : ''}`}
            role='radio'
            ariaRole='radio'
            aria-checked={n === score}
            aria-label={t('chat.stars', { n })}
            onClick={() => (setScore(n), setError(null))}
          >
            ★
          </View>
        ))}
      </View>
      {options.length ? (
        <View className='chips rating__tags'>
          {options.map((tag) => (
            <View
              key={tag}
              className={`chip ${tags.includes(tag) ? 'chip--active' : ''}`}
              role='checkbox'
              ariaRole='checkbox'
              aria-checked={tags.includes(tag)}
              onClick={() => toggle(tag)}
            >
              {t(TAG_LABELS[tag])}
            </View>
          ))}
        </View>
      ) : null}
      {score ? (
        <Textarea
          className='field__textarea rating__comment'
          value={comment}
          maxlength={500}
          placeholder={t('chat.rateComment')}
          onInput={(e) => setComment(e.detail.value)}
        />
      ) : null}
      {error ? <Text className='field__error'>{error}</Text> : null}
      <View
        className={`btn btn--primary ${busy ? 'btn--disabled' : ''}`}
        role='button'
        ariaRole='button'
        onClick={busy ? undefined : submit}
      >
        {t('chat.rateSubmit')}
      </View>
    </View>
  )
}

// Ratings store tag ids; the labels are the viewer's language.
const TAG_LABELS: Record<ChatRatingTag, MessageKey> = {
  fast: 'chat.tag.fast',
  solved: 'chat.tag.solved',
  friendly: 'chat.tag.friendly',
  professional: 'chat.tag.professional',
  off_topic: 'chat.tag.off_topic',
  slow: 'chat.tag.slow',
  unsolved: 'chat.tag.unsolved',
  unfriendly: 'chat.tag.unfriendly',
}

/** End-of-conversation rating: the bot and the agent are rated separately. */
export function RatingSheet({ targets, agentName, onSubmit, onClose }: RatingSheetProps) {
  return (
    <View className='sheet' role='dialog' ariaRole='dialog' aria-label={t('chat.rateTitle')}>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        <View className='sheet__head'>
          <Text className='sheet__title'>{t('chat.rateTitle')}</Text>
          <View className='sheet__close' role='button' ariaRole='button' aria-label={t('chat.close')} onClick={onClose}>
            ×
          </View>
        </View>
        {targets.map((target) => (
          <TargetRating key={target} target={target} agentName={agentName} onSubmit={onSubmit} />
        ))}
        <View className='btn btn--ghost rating__later' role='button' ariaRole='button' onClick={onClose}>
          {t('chat.rateLater')}
        </View>
      </View>
    </View>
  )
}
