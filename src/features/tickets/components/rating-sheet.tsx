import { useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { Popup, Rate } from '@nutui/nutui-react-taro'
import { RATING_TAGS, type RatingTag } from '@shared/ticket-data'
import type { Rating, RatingBody } from '@shared/ticket'
import { withValue } from './input-value'

interface Props {
  visible: boolean
  busy: boolean
  current: Rating | null
  onClose(): void
  onSubmit(body: RatingBody): Promise<string | null>
}

const WORDS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意']

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
    if (score < 1) return setError('请先选择星级')
    const kept = tags.filter((t) => offered.some((o) => o.id === t))
    const failed = await onSubmit({ score, tags: kept, ...(comment.trim() ? { comment: comment.trim() } : {}) })
    if (failed) setError(failed)
  }
  return (
    <Popup
      visible={visible}
      position='bottom'
      round
      closeable
      title={current ? '修改评价' : '评价本次服务'}
      onClose={onClose}
      destroyOnClose
    >
      <View className='td-sheet'>
        <View className='td-rate' aria-label={`评分 ${score} 星`}>
          <Rate
            value={score}
            count={5}
            onChange={(v: number) => {
              setScore(v)
              setError(null)
            }}
          />
          <Text className='td-rate__word'>{WORDS[score] || '点击星星评分'}</Text>
        </View>
        <View className='td-tags'>
          {offered.map((t) => (
            <View
              key={t.id}
              className={`td-tag ${tags.includes(t.id) ? 'td-tag--on' : ''}`}
              role='checkbox'
              aria-checked={tags.includes(t.id)}
              onClick={() => toggle(t.id)}
            >
              {t.zh}
            </View>
          ))}
        </View>
        <Textarea
          className='td-sheet__textarea td-sheet__textarea--short'
          value={comment}
          maxlength={500}
          placeholder='说说您的感受（选填）'
          aria-label='评价内容'
          onInput={withValue(setComment)}
        />
        <Text className='td-sheet__hint'>评价提交后 24 小时内可修改。</Text>
        {error && (
          <View className='td-sheet__error' role='alert'>
            {error}
          </View>
        )}
        <Button className={`td-sheet__submit ${busy ? 'td-sheet__submit--busy' : ''}`} onClick={send}>
          {current ? '保存修改' : '提交评价'}
        </Button>
      </View>
    </Popup>
  )
}
