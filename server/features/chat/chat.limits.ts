import type { Database } from '../../db/database'
import { HttpError } from '../../plugins/errors'
import type { ChatDeps } from './chat.deps'

const DAY_MS = 86_400_000
const DEFAULTS = { conversationsPerDay: 30, handoffsPerDay: 10 }

function since(now: Date): string {
  return new Date(now.getTime() - DAY_MS).toISOString()
}

async function countSince(db: Database, shopperId: string, column: 'created_at' | 'queued_at', from: string): Promise<number> {
  const row = await db
    .selectFrom('chat_conversations')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('shopper_id', '=', shopperId)
    .where(column, '>=', from)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Refuses a new conversation once the shopper has started the day's allowance of them. */
export async function assertCanOpenConversation(deps: ChatDeps, shopperId: string, now = new Date()): Promise<void> {
  const max = deps.limits?.conversationsPerDay ?? DEFAULTS.conversationsPerDay
  if ((await countSince(deps.db, shopperId, 'created_at', since(now))) < max) return
  throw new HttpError(
    429,
    'CONVERSATION_LIMIT',
    `You have started ${max} chats today; please continue in an existing one or try tomorrow.`,
    undefined,
    { params: { limit: max }, details: { limit: max } },
  )
}

/** Refuses 转人工 once the shopper has asked for a person the day's allowed number of times. */
export async function assertCanHandoff(deps: ChatDeps, shopperId: string, now = new Date()): Promise<void> {
  const max = deps.limits?.handoffsPerDay ?? DEFAULTS.handoffsPerDay
  if ((await countSince(deps.db, shopperId, 'queued_at', since(now))) < max) return
  throw new HttpError(
    429,
    'HANDOFF_LIMIT',
    `You have asked for an agent ${max} times today; an agent will answer your waiting chat.`,
    undefined,
    { params: { limit: max }, details: { limit: max } },
  )
}
