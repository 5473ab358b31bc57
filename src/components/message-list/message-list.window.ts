/**
 * Which rows of a long conversation the list draws. Only a window at the newest end is
 * rendered; it is anchored on the key of a row (not an index), so messages appended at the
 * bottom or pages prepended at the top leave the rows already drawn untouched, and each new
 * message costs the same whether the chat holds 50 or 5,000.
 */
import type { Row } from './message-list.helpers'

/** Rows drawn when a conversation opens or the viewer jumps back to the newest message. */
export const WINDOW_ROWS = 40
/** While the viewer sits at the bottom, the window grows up to this before it is cut back. */
export const WINDOW_MAX_ROWS = 2 * WINDOW_ROWS
/** Rows revealed each time the viewer scrolls to the top of what is drawn. */
export const REVEAL_ROWS = 30

/** The first drawn row: `key` (when still present) with `above` more rows before it. */
export interface WindowTop {
  key: string | null
  above: number
}

export const NEWEST: WindowTop = { key: null, above: 0 }

/**
 * Index of the first row to draw. While the viewer is at the bottom the window never holds more
 * than `WINDOW_MAX_ROWS`, so even a burst of messages after a reconnect draws a bounded list.
 */
export function windowStart(rows: readonly Row[], top: WindowTop, atBottom: boolean): number {
  const at = top.key === null ? -1 : rows.findIndex((r) => r.key === top.key)
  const start = at < 0 ? rows.length - WINDOW_ROWS : at - top.above
  if (atBottom && rows.length - start > WINDOW_MAX_ROWS) return Math.max(0, rows.length - WINDOW_ROWS)
  return Math.max(0, start)
}

/** The window anchored where it is drawn now, so later changes do not move its first row. */
export function pinTop(rows: readonly Row[], start: number): WindowTop {
  return { key: rows[start]?.key ?? null, above: 0 }
}

/** The window after the viewer reached the top of what is drawn: `REVEAL_ROWS` more above. */
export function revealAbove(rows: readonly Row[], start: number): WindowTop {
  return { key: rows[start]?.key ?? null, above: REVEAL_ROWS }
}

/**
 * Cut back to the newest rows once the window has grown past `WINDOW_MAX_ROWS` while the viewer is
 * at the bottom (rows above the viewport go, so nothing on screen moves); otherwise unchanged.
 */
export function trimAtBottom(rows: readonly Row[], start: number): WindowTop | null {
  if (rows.length - start <= WINDOW_MAX_ROWS) return null
  return pinTop(rows, rows.length - WINDOW_ROWS)
}
