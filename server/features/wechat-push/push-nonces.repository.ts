import type { Database } from '../../db/database'
import { isUniqueViolation } from '../chat/chat.mutate'

/**
 * Records a push's nonce for the freshness window. Returns false when the nonce was already
 * used with another body (a replay of a captured signature); WeChat's own retry carries the same
 * body and passes. Nonces older than `keepSince` are dropped on the way.
 */
export async function recordNonce(db: Database, nonce: string, bodyHash: string, now: string, keepSince: string): Promise<boolean> {
  await db.deleteFrom('wechat_push_nonces').where('seen_at', '<', keepSince).execute()
  try {
    await db.insertInto('wechat_push_nonces').values({ nonce, body_hash: bodyHash, seen_at: now }).execute()
    return true
  } catch (err) {
    if (!isUniqueViolation(err)) throw err
    const seen = await db.selectFrom('wechat_push_nonces').select('body_hash').where('nonce', '=', nonce).executeTakeFirst()
    return seen?.body_hash === bodyHash
  }
}
