import type { MessagesQuery } from '../../../types/chat'
import { MAX_POLL_WAIT_SECONDS } from '../../../types/chat-data'
import { HttpError } from '../../plugins/errors'
import type { Viewer } from './chat.mapping'
import type { ChatDeps } from './chat.deps'
import * as repo from './chat.repository'
import type { ConversationRow, MessageRow } from './chat.tables'
import { messagesWithDeliveryAfter } from './wechat/wechat.repository'

/** Longest a long-poll may hold, whatever the client asks. */
export const MAX_WAIT_SECONDS = MAX_POLL_WAIT_SECONDS
const DEFAULT_LIMIT = 50

/** What a poll found, before mapping to DTOs. */
export interface PollResult {
  conv: ConversationRow
  messages: MessageRow[]
  hasMore: boolean
  typing: boolean
  readSeq: number
}

function peerTypingUntil(conv: ConversationRow, viewer: Viewer): string | null {
  return viewer === 'shopper' ? conv.agent_typing_until : conv.shopper_typing_until
}

/** A page of history: messages before `before`, oldest first. */
async function history(deps: ChatDeps, conv: ConversationRow, viewer: Viewer, before: number, limit: number): Promise<PollResult> {
  const rows = await repo.listMessagesBefore(deps.db, conv.id, before, limit + 1)
  const now = new Date().toISOString()
  const until = peerTypingUntil(conv, viewer)
  return {
    conv,
    messages: rows.slice(0, limit).reverse(),
    hasMore: rows.length > limit,
    typing: until !== null && until > now,
    readSeq: viewer === 'shopper' ? conv.agent_read_seq : conv.shopper_read_seq,
  }
}

/** Replies the client already has whose WeChat delivery state changed since its version. */
async function deliveryChanged(deps: ChatDeps, conv: ConversationRow, version: number | undefined, after: number, limit: number) {
  if (version === undefined || conv.version <= version) return []
  const rows = await messagesWithDeliveryAfter(deps.db, conv.id, version, limit)
  return rows.filter((m) => m.seq <= after)
}

/**
 * Messages after `after`, held up to `wait` seconds until there is news: a newer message, a
 * version past the client's, the peer's typing flipping, or an `after` beyond the conversation
 * (the client is out of step). It registers for events before each read, so nothing that
 * happens between the read and the wait is missed, and it reads the database after every wake
 * (events carry no data). Ends early, answering with what it has, on abort or shutdown.
 */
export async function poll(
  deps: ChatDeps,
  conversationId: string,
  viewer: Viewer,
  q: MessagesQuery,
  signal: AbortSignal,
  /** A second channel that ends the wait (a shopper's new conversation), answering at once. */
  alsoWatch?: string,
): Promise<PollResult> {
  const limit = q.limit ?? DEFAULT_LIMIT
  const first = await repo.findConversation(deps.db, conversationId)
  if (!first) throw new HttpError(404, 'CONVERSATION_NOT_FOUND', 'No such conversation.')
  if (q.before !== undefined) {
    if (q.after !== undefined) throw new HttpError(400, 'BAD_CURSOR', 'query: use either after or before, not both.', 'querystring.before')
    return history(deps, first, viewer, q.before, limit)
  }
  const after = q.after ?? 0
  const deadline = Date.now() + Math.min(q.wait ?? 0, MAX_WAIT_SECONDS) * 1000
  let typingAtStart: boolean | null = null
  let moved = false
  for (;;) {
    const watch = deps.bus.watch(conversationId)
    const other = alsoWatch ? deps.bus.watch(alsoWatch) : null
    try {
      const conv = (await repo.findConversation(deps.db, conversationId))!
      const rows = await repo.listMessagesAfter(deps.db, conversationId, after, limit + 1)
      const now = Date.now()
      const until = peerTypingUntil(conv, viewer)
      const typing = until !== null && Date.parse(until) > now
      typingAtStart ??= typing
      const news =
        rows.length > 0 || (q.version !== undefined && conv.version > q.version) || typing !== typingAtStart || after > conv.last_seq
      const remaining = deadline - now
      if (news || moved || remaining <= 0 || signal.aborted || deps.bus.isClosing) {
        const readSeq = viewer === 'shopper' ? conv.agent_read_seq : conv.shopper_read_seq
        const changed = await deliveryChanged(deps, conv, q.version, after, limit)
        return { conv, messages: [...changed, ...rows.slice(0, limit)], hasMore: rows.length > limit, typing, readSeq }
      }
      // Wake when the peer's indicator lapses, so the client learns it stopped.
      const untilTypingEnds = typing ? Date.parse(until!) - now + 10 : Infinity
      const ms = Math.min(remaining, untilTypingEnds)
      const woke = other
        ? await Promise.race([watch.wait(ms, signal), other.wait(ms, signal).then((r) => `other:${r}`)])
        : await watch.wait(ms, signal)
      moved = woke === 'other:event'
    } finally {
      watch.cancel()
      other?.cancel()
    }
  }
}
