import { CHAT_RATING_TAG_IDS, type ChatRatingTag } from '../../../types/chat-data'
import { HttpError } from '../../plugins/errors'
import LABELS from './rating-tag-labels.json'

const IDS: ReadonlySet<string> = new Set(CHAT_RATING_TAG_IDS)

// Apps from before tag ids sent the label they showed; it still means the same tag.
const BY_LABEL = new Map<string, ChatRatingTag>()
for (const [id, labels] of Object.entries(LABELS)) {
  if (!IDS.has(id)) throw new Error(`rating-tag-labels.json: "${id}" is not a chat rating tag id`)
  for (const label of labels) BY_LABEL.set(label, id as ChatRatingTag)
}

/** The tag ids of a chat rating, from ids or the labels older apps sent; unknown tags are refused. */
export function ratingTagIds(tags: readonly string[]): ChatRatingTag[] {
  const ids = tags.map((tag, i) => {
    const id = IDS.has(tag) ? (tag as ChatRatingTag) : BY_LABEL.get(tag.trim())
    if (!id) {
      throw new HttpError(
        400,
        'VALIDATION_FAILED',
        `body.tags.${i}: not a rating tag (${CHAT_RATING_TAG_IDS.join(', ')}).`,
        `body.tags.${i}`,
        {
          params: { field: `body.tags.${i}` },
        },
      )
    }
    return id
  })
  return [...new Set(ids)]
}
