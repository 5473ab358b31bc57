/**
 * Chat limits shared by the mini-program and the server. Plain data with no imports, so the
 * app may import it as a value (types/chat.ts holds the TypeBox schemas).
 */

/** Longest text a message may carry, in characters (code points). */
export const MAX_MESSAGE_TEXT = 2000

/** Longest a long-poll may be held by the server, in seconds. */
export const MAX_POLL_WAIT_SECONDS = 30

/** How long clients ask the server to hold a long-poll, in seconds. */
export const POLL_WAIT_SECONDS = 25

/** Longest page of messages one poll returns. */
export const MAX_POLL_LIMIT = 100

/** How often a client tells the other side it is still typing, at most, in milliseconds. */
export const TYPING_EVERY_MS = 3000

/** When people answer chats: every day, in China Standard Time (UTC+8, no daylight saving). */
export const AGENT_HOURS = { openHour: 9, closeHour: 21, utcOffsetMinutes: 480 } as const

/** Letters and digits of a case number: no 0/O, 1/I/L, so it survives being read out on the phone. */
export const CASE_NO_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'

/** A case number as shown and typed: KF-7Q3M-2H (dashes and case optional when typed). */
export const CASE_NO_PATTERN = /^KF-?[2-9A-HJKMNP-Z]{4}-?[2-9A-HJKMNP-Z]{2}$/i

/** The canonical form of a typed case number (KF-7Q3M-2H), or null when it is not one. */
export function normalizeCaseNo(input: string): string | null {
  const compact = input.trim().toUpperCase().replace(/[\s-]/g, '')
  if (!CASE_NO_PATTERN.test(compact)) return null
  return `KF-${compact.slice(2, 6)}-${compact.slice(6, 8)}`
}

/** Tags a shopper may add to a good chat rating (4–5 stars); stored and sent as these ids. */
export const CHAT_RATING_TAGS_GOOD = ['fast', 'solved', 'friendly', 'professional'] as const

/** Tags a shopper may add to a poor chat rating (1–3 stars). */
export const CHAT_RATING_TAGS_BAD = ['off_topic', 'slow', 'unsolved', 'unfriendly'] as const

export const CHAT_RATING_TAG_IDS = [...CHAT_RATING_TAGS_GOOD, ...CHAT_RATING_TAGS_BAD] as const
export type ChatRatingTag = (typeof CHAT_RATING_TAG_IDS)[number]
