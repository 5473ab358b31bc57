import type { FastifyReply, FastifyRequest } from 'fastify'
import type { MessagesQuery } from '../../../types/chat'
import type { ChatDeps } from './chat.deps'
import type { ChatEventBus } from './chat.events'
import { toMessages, type Viewer } from './chat.mapping'
import { poll } from './chat.poll'
import type { ConversationRow } from './chat.tables'
import { enterPoll } from '../../plugins/poll-slots'

/**
 * Runs a long-poll handler with a signal that fires when the client goes away before the
 * answer is sent, and tracks it so shutdown can wait for released polls to finish answering.
 */
export async function longPoll<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  bus: ChatEventBus,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const release = await enterPoll(req)
  const ac = new AbortController()
  const onClose = () => {
    if (!reply.raw.writableEnded) ac.abort()
  }
  req.raw.on('close', onClose)
  try {
    return await bus.track(run(ac.signal))
  } finally {
    req.raw.off('close', onClose)
    release()
  }
}

/** The one answer of GET …/messages for either viewer: held until there is news, then mapped once. */
export function pollMessages<C>(
  deps: ChatDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  query: MessagesQuery,
  conversationId: string,
  viewer: Viewer,
  toDto: (row: ConversationRow) => Promise<C>,
  alsoWatch?: string,
) {
  return longPoll(req, reply, deps.bus, async (signal) => {
    const r = await poll(deps, conversationId, viewer, query, signal, alsoWatch)
    const [messages, conversation] = await Promise.all([toMessages(deps, r.messages), toDto(r.conv)])
    return { messages, conversation, readSeq: r.readSeq, typing: r.typing, hasMore: r.hasMore }
  })
}
