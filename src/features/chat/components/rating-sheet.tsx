import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import type { RatingTarget } from '@shared/chat'
import { chatText as t } from '../chat.i18n'

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
  const [tags, setTags] = useState<string[]>([])
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const options = score >= 4 ? t.tagsGood : score > 0 ? t.tagsBad : []
  const toggle = (tag: string) => setTags((ts) => (ts.includes(tag) ? ts.filter((x) => x !== tag) : [...ts, tag]))
  const submit = async () => {
    if (!score) return setError(t.rateNeedStars)
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
      <Text className='rating__who'>{target === 'bot' ? t.rateBot : t.rateAgent(agentName ?? t.agentFallback)}</Text>
      <View className='rating__stars' role='radiogroup' ariaRole='radiogroup'>
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`rating__star ${n <= score ? 'rating__star--on' : ''}`}
            role='radio'
            ariaRole='radio'
            aria-checked={n === score}
            aria-label={t.stars(n)}
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
              {tag}
            </View>
          ))}
        </View>
      ) : null}
      {score ? (
        <Textarea
          className='field__textarea rating__comment'
          value={comment}
          maxlength={500}
          placeholder={t.rateComment}
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
        {t.rateSubmit}
      </View>
    </View>
  )
}

/** End-of-conversation rating: the bot and the agent are rated separately. */
export function RatingSheet({ targets, agentName, onSubmit, onClose }: RatingSheetProps) {
  return (
    <View className='sheet' role='dialog' ariaRole='dialog' aria-label={t.rateTitle}>
      <View className='sheet__mask' onClick={onClose} />
      <View className='sheet__panel'>
        <View className='sheet__head'>
          <Text className='sheet__title'>{t.rateTitle}</Text>
          <View className='sheet__close' role='button' ariaRole='button' aria-label={t.close} onClick={onClose}>
            ×
          </View>
        </View>
        {targets.map((target) => (
          <TargetRating key={target} target={target} agentName={agentName} onSubmit={onSubmit} />
        ))}
        <View className='btn btn--ghost rating__later' role='button' ariaRole='button' onClick={onClose}>
          {t.rateLater}
        </View>
      </View>
    </View>
  )
}
