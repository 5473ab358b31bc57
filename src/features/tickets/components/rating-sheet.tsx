import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { Popup } from '@nutui/nutui-react-taro'
import { RATING_TAGS, type RatingTag } from '@shared/ticket-data'
import type { Rating, RatingBody } from '@shared/ticket'
import { withValue } from './input-value'
import { named, t as tx } from '@/lib/i18n'

interface Props {
  visible: boolean
  busy: boolean
  current: Rating | null
  onClose(): void
  onSubmit(body: RatingBody): Promise<string | null>
}

/** 评价: stars, tags that match the mood of the score, an optional comment. */
export function RatingSheet({ visible, busy, current, onClose, onSubmit }: Props) {
  const [score, setScore] = useState(current?.score ?? 0)
  const [tags, setTags] = useState<RatingTag[]>(current?.tags ?? [])
  const [comment, setComment] = useState(current?.comment ?? '')
  const [error, setError] = useState<string | null>(null)
  const positive = score >= 4
  const offered = RATING_TAGS.filter((t) => (score === 0 ? true : t.positive === positive))
  const toggle = (id: RatingTag) => setTags((all) => (all.includes(id) ? all.filter((t) => t !== id) : [...all, id]))
  const send = async () => {
    if (busy) return
    if (score < 1) return setError(tx('tickets.rateNeedStars'))
    const kept = tags.filter((tag) => offered.some((o) => o.id === tag))
    const failed = await onSubmit({ score, tags: kept, ...(comment.trim() ? { comment: comment.trim() } : {}) })
    if (failed) setError(failed)
  }
  return (
    <Popup
      visible={visible}
      position='bottom'
      round
      closeable
      title={current ? tx('tickets.editRating') : tx('tickets.rateTitle')}
      onClose={onClose}
      destroyOnClose
    >
      <View className='td-sheet'>
        <View className='td-rate'>
          <View className='td-rate__stars' role='radiogroup' ariaRole='radiogroup' aria-label={tx('tickets.rateAria', { n: score })}>
            {[1, 2, 3, 4, 5].map((n) => (
              <View
                key={n}
                className={`td-rate__star ${n <= score ? 'td-rate__star--on' : ''}`}
                role='radio'
                ariaRole='radio'
                aria-checked={n === score}
                aria-label={tx('tickets.starsAria', { n })}
                onClick={() => {
                  setScore(n)
                  setError(null)
                }}
              >
                ★
              </View>
            ))}
          </View>
          <Text className='td-rate__word'>{score ? tx(`tickets.rateWords.${score as 1 | 2 | 3 | 4 | 5}`) : tx('tickets.rateTap')}</Text>
        </View>
        <View className='td-tags'>
          {offered.map((t) => (
            <View
              key={t.id}
              className={`td-tag ${tags.includes(t.id) ? 'td-tag--on' : ''}`}
              role='checkbox'
              ariaRole='checkbox'
              aria-checked={tags.includes(t.id)}
              onClick={() => toggle(t.id)}
            >
              {named(t)}
            </View>
          ))}
        </View>
        <Textarea
          className='td-sheet__textarea td-sheet__textarea--short'
          value={comment}
          maxlength={500}
          placeholder={tx('tickets.ratePlaceholder')}
          aria-label={tx('tickets.rateCommentAria')}
          onInput={withValue(setComment)}
        />
        <Text className='td-sheet__hint'>{tx('tickets.rateEditable')}</Text>
        {error && (
          <View className='td-sheet__error' role='alert' ariaRole='alert'>
            {error}
          </View>
        )}
        <Button className={`td-sheet__submit ${busy ? 'td-sheet__submit--busy' : ''}`} onClick={send}>
          {current ? tx('tickets.rateSave') : tx('tickets.rateSubmit')}
        </Button>
      </View>
    </Popup>
  )
}
