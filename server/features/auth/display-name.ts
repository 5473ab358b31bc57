import crypto from 'node:crypto'

// Names every account starts with; alone they tell an agent nothing about who is writing.
const PLACEHOLDERS = new Set(['', '访客', '微信用户'])

/** A short tag that stays the same for one account: four characters from its id, e.g. A3F2. */
export function shopperTag(userId: string): string {
  return crypto.createHash('sha256').update(userId).digest('hex').slice(0, 4).toUpperCase()
}

/** The name agents see: the shopper's own (e.g. a WeChat nickname) when given, else 访客·A3F2. */
export function readableShopperName(displayName: string | null | undefined, userId: string): string {
  const name = displayName?.trim() ?? ''
  return PLACEHOLDERS.has(name) ? `访客·${shopperTag(userId)}` : name
}
