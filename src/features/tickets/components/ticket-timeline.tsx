import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Attachment, TimelineEvent } from '@shared/ticket'
import { eventTitle, formatRelative, ratingOfEvent, ratingTagLabel } from '../ticket-status.helpers'
import { AuthedImage, resolveImage } from './authed-image'
import { t } from '@/lib/i18n'

interface Props {
  events: TimelineEvent[]
  now: Date
  /** The current rating: its tags are shown under the latest rating entry. */
  rating?: { tags: string[] } | null
}

/** Thumbnails of attached files; a tap opens the full-screen preview. */
export function TicketFiles({ files }: { files: Attachment[] }) {
  if (!files.length) return null
  const open = async (current: string) => {
    const urls = await Promise.all(files.map((f) => resolveImage(f.url).catch(() => '')))
    Taro.previewImage({ current, urls: urls.filter(Boolean) })
  }
  return (
    <View className='td-files'>
      {files.map((f, i) => (
        <AuthedImage
          key={f.uploadId}
          className='td-files__img'
          url={f.url}
          label={t('tickets.attachmentAria', { i: i + 1 })}
          onOpen={open}
        />
      ))}
    </View>
  )
}

const isRating = (e: TimelineEvent) => e.type === 'rated' || e.type === 'rating_updated'

function RatingLine({ event, tags }: { event: TimelineEvent; tags: string[] }) {
  const r = ratingOfEvent(event.text)
  if (!r) return event.text ? <Text className='td-ev__text'>{event.text}</Text> : null
  return (
    <View>
      <Text className='td-ev__stars' aria-label={t('tickets.starsAria', { n: r.score })}>
        {'★'.repeat(r.score)}
        {'☆'.repeat(5 - r.score)} {tags.map(ratingTagLabel).join(' · ')}
      </Text>
      {r.comment && <Text className='td-ev__text'>{r.comment}</Text>}
    </View>
  )
}

/** The ticket's history, newest first: replies with tap-to-preview attachments, status changes, ratings. */
export function TicketTimeline({ events, now, rating }: Props) {
  const visible = events
    .filter((e) => !e.internal && e.type !== 'internal_note')
    .slice()
    .reverse()
  const lastRatingId = visible.find(isRating)?.id
  return (
    <View className='td-card td-timeline' aria-label={t('tickets.progress')}>
      <Text className='td-card__title'>{t('tickets.progress')}</Text>
      {visible.map((e, i) => (
        <View key={e.id} className={`td-ev td-ev--${e.actor.role} ${i === 0 ? 'td-ev--latest' : ''}`}>
          <View className='td-ev__dot' />
          <View className='td-ev__body'>
            <View className='td-ev__head'>
              <Text className='td-ev__title'>{eventTitle(e)}</Text>
              <Text className='td-ev__time'>{formatRelative(e.createdAt, now)}</Text>
            </View>
            {isRating(e) ? (
              <RatingLine event={e} tags={e.id === lastRatingId ? (rating?.tags ?? []) : []} />
            ) : (
              e.text && <Text className='td-ev__text'>{e.text}</Text>
            )}
            <TicketFiles files={e.attachments} />
          </View>
        </View>
      ))}
    </View>
  )
}
