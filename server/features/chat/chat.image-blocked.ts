import type { ChatEvent } from '../../../types/chat'
import type { ChatDeps } from './chat.deps'
import { mutate } from './chat.mutate'
import { eventText, langOf } from './chat.texts'

/**
 * Tells the shopper in every conversation where a now-blocked image was sent: one system
 * message with the image's id (clients mark that bubble), appended like any other message, so
 * the sequence stays gapless and nothing else changes.
 */
export async function noteBlockedImage(deps: ChatDeps, uploadId: string): Promise<void> {
  const rows = await deps.db.selectFrom('chat_messages').select('conversation_id').distinct().where('upload_id', '=', uploadId).execute()
  const event: ChatEvent = { type: 'image_blocked', uploadId }
  for (const { conversation_id } of rows) {
    await mutate(deps, conversation_id, (conv) => ({
      messages: [{ sender: 'system', kind: 'event', event, text: eventText(event, langOf(conv.lang)) }],
    }))
  }
}
