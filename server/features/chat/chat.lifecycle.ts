import crypto from 'node:crypto'
import type { EndedBy, RatingBody } from '../../../types/chat'
import { HttpError } from '../../plugins/errors'
import { ratingTagIds } from './chat.rating-tags'
import { ratingTargets, type Viewer } from './chat.mapping'
import type { ChatDeps } from './chat.deps'
import { mutate, type Change } from './chat.mutate'
import * as repo from './chat.repository'
import * as queue from './queue.repository'
import type { ConversationRow } from './chat.tables'
import { eventText, langOf } from './chat.texts'

/** How long one typing ping shows the indicator. */
export const TYPING_MS = 6000

/** Ends a conversation: frees the shopper's open slot and asks for a rating. */
export function endChange(conv: ConversationRow, by: EndedBy, now: string): Change {
  const lang = langOf(conv.lang)
  const ended = { type: 'ended' as const, endedBy: by }
  const ask = { type: 'rating_requested' as const, ratingTargets: ratingTargets(conv) }
  return {
    patch: {
      status: 'ended',
      open_key: null,
      ended_at: now,
      ended_by: by,
      rating_requested: 1,
      shopper_typing_until: null,
      agent_typing_until: null,
    },
    messages: [
      { sender: 'system', kind: 'event', event: ended, text: eventText(ended, lang) },
      { sender: 'system', kind: 'event', event: ask, text: eventText(ask, lang) },
    ],
  }
}

/** Moves a read mark forward (never back, never past the last message). */
export async function markRead(deps: ChatDeps, conversationId: string, viewer: Viewer, seq: number): Promise<ConversationRow> {
  const column = viewer === 'shopper' ? 'shopper_read_seq' : 'agent_read_seq'
  const applied = await mutate(deps, conversationId, (c) => {
    const next = Math.min(Math.max(c[column], seq), c.last_seq)
    return next === c[column] ? null : { patch: { [column]: next } }
  })
  return applied?.conv ?? (await repo.findConversation(deps.db, conversationId))!
}

/**
 * Shows the viewer's typing indicator to the other side for TYPING_MS. Only the start is
 * announced; waiting long-polls re-read the expiry and answer when it passes.
 */
export async function markTyping(deps: ChatDeps, conversationId: string, viewer: Viewer): Promise<void> {
  const column = viewer === 'shopper' ? 'shopper_typing_until' : 'agent_typing_until'
  await mutate(deps, conversationId, (c, now) => {
    if (c.status === 'ended') return null
    const wasTyping = c[column] !== null && c[column]! > now
    const until = new Date(Date.parse(now) + TYPING_MS).toISOString()
    return { patch: { [column]: until }, visible: !wasTyping }
  })
}

/** Records the shopper's rating of the bot or the agent, once per target. */
export async function rate(deps: ChatDeps, shopperId: string, conv: ConversationRow, body: RatingBody): Promise<ConversationRow> {
  if (conv.shopper_id !== shopperId) throw new HttpError(404, 'CONVERSATION_NOT_FOUND', 'No such conversation.')
  const tags = ratingTagIds(body.tags ?? [])
  const applied = await mutate(deps, conv.id, async (c, now, trx) => {
    if (!ratingTargets(c).includes(body.target)) {
      throw new HttpError(400, 'NOT_RATABLE', 'body.target: no agent took part in this chat.', 'body.target')
    }
    const given = await repo.listRatings(trx, c.id)
    if (given.some((r) => r.target === body.target)) {
      throw new HttpError(409, 'ALREADY_RATED', `body.target: you already rated the ${body.target} in this chat.`, 'body.target', {
        params: { target: body.target },
      })
    }
    await repo.insertRating(trx, {
      id: crypto.randomUUID(),
      conversation_id: c.id,
      target: body.target,
      agent_id: body.target === 'agent' ? c.agent_id : null,
      score: body.score,
      comment: body.comment ?? '',
      tags_json: JSON.stringify(tags),
      created_at: now,
    })
    return { patch: {} }
  })
  return applied!.conv
}

/** Ends every bot or agent conversation idle since before `now - idleMs`; returns how many. */
export async function sweepIdle(deps: ChatDeps, now: Date, idleMs: number): Promise<number> {
  const before = new Date(now.getTime() - idleMs).toISOString()
  let ended = 0
  for (const conv of await queue.listIdle(deps.db, before)) {
    // Re-checked under the lock: a message may have arrived since the list was read.
    const applied = await mutate(deps, conv.id, (c, at) =>
      (c.status === 'bot' || c.status === 'assigned') && c.last_activity_at < before ? endChange(c, 'idle', at) : null,
    )
    if (applied) ended += 1
  }
  return ended
}

/** Wakes long-polls of conversations whose queue position moved after one left the queue. */
export async function touchQueue(deps: ChatDeps, serviceType: string | null): Promise<void> {
  try {
    const rows = await queue.bumpQueued(deps.db, serviceType)
    for (const r of rows) deps.bus.publish(r.id, r.last_seq)
  } catch {
    // Positions are recomputed on every read; a failed nudge only delays the news.
  }
}
