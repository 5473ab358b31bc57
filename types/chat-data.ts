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
