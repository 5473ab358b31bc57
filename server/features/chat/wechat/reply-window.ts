/**
 * WeChat's customer-service reply window: after a shopper's message the mini-program may send
 * `replies` messages within `hours`; entering the chat from the contact button alone allows fewer
 * for a shorter time. Each new shopper action starts a fresh window (quotas do not add up).
 * Figures from WeChat's 发送客服消息 guide; kept here so a change in WeChat's rules is one edit.
 */
export const WINDOW_RULES = {
  message: { replies: 5, ms: 48 * 3600_000 },
  enter: { replies: 2, ms: 60_000 },
} as const

export type WindowKind = keyof typeof WINDOW_RULES

/** Where a conversation's reply window stands. */
export interface ReplyWindow {
  /** When the window closes (ISO time), null when there never was one. */
  endsAt: string | null
  repliesLeft: number
  open: boolean
}

/** The window opened at `from` by a shopper action of `kind`, with `used` replies already spent. */
export function replyWindow(from: string | null, kind: WindowKind | null, used: number, now: Date): ReplyWindow {
  if (!from || !kind) return { endsAt: null, repliesLeft: 0, open: false }
  const rule = WINDOW_RULES[kind]
  const endsAt = new Date(new Date(from).getTime() + rule.ms)
  const repliesLeft = Math.max(rule.replies - used, 0)
  return { endsAt: endsAt.toISOString(), repliesLeft, open: endsAt.getTime() > now.getTime() && repliesLeft > 0 }
}
