import crypto from 'node:crypto'

/** How far a push's timestamp may be from our clock; older pushes are refused as replays. */
export const PUSH_WINDOW_SECONDS = 300

/** WeChat's message-push signature: SHA-1 hex of token, timestamp and nonce, sorted and joined. */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return crypto.createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex')
}

/** True when `signature` is the one WeChat makes for these values (constant-time compare). */
export function verifyPushSignature(token: string, q: { signature?: string; timestamp?: string; nonce?: string }): boolean {
  if (!q.signature || !q.timestamp || !q.nonce) return false
  const expected = Buffer.from(pushSignature(token, q.timestamp, q.nonce))
  const given = Buffer.from(q.signature.toLowerCase())
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}

/** True when the push's unix-seconds timestamp lies within the window around `nowMs`. */
export function isFresh(timestamp: string | undefined, nowMs = Date.now()): boolean {
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= PUSH_WINDOW_SECONDS
}
