/** Formats an amount in fen as yuan for display, e.g. 21160 → "¥211.60". */
export function yuan(cents: number): string {
  return `¥${(cents / 100).toFixed(2)}`
}
