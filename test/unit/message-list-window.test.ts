import type { Row } from '@/components/message-list/message-list.helpers'
import {
  NEWEST,
  pinTop,
  REVEAL_ROWS,
  revealAbove,
  trimAtBottom,
  WINDOW_MAX_ROWS,
  WINDOW_ROWS,
  windowStart,
} from '@/components/message-list/message-list.window'

const rows = (from: number, to: number): Row[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ type: 'time', key: `k${from + i}`, at: '2026-11-01T00:00:00.000Z' }))

describe('the message window', () => {
  it('starts at the newest rows and draws everything in a short chat', () => {
    expect(windowStart(rows(1, 5000), NEWEST, true)).toBe(5000 - WINDOW_ROWS)
    expect(windowStart(rows(1, 10), NEWEST, true)).toBe(0)
  })

  it('keeps its first row when rows are appended or prepended', () => {
    const all = rows(1, 100)
    const top = pinTop(all, windowStart(all, NEWEST, true))
    expect(windowStart(rows(1, 101), top, true)).toBe(100 - WINDOW_ROWS)
    expect(windowStart(rows(-29, 100), top, false)).toBe(100 - WINDOW_ROWS + 30)
  })

  it('reveals a page of rows above, relative to a row that is still there after older pages arrive', () => {
    const all = rows(1, 100)
    const top = revealAbove(all, 60)
    expect(windowStart(all, top, false)).toBe(60 - REVEAL_ROWS)
    expect(windowStart(rows(-49, 100), top, false)).toBe(60 + 50 - REVEAL_ROWS)
  })

  it('is cut back to the newest rows at the bottom, never while the viewer reads higher up', () => {
    const all = rows(1, 500)
    const grown = { key: 'k300', above: 0 }
    expect(windowStart(all, grown, false)).toBe(299)
    expect(windowStart(all, grown, true)).toBe(500 - WINDOW_ROWS)
    expect(trimAtBottom(all, 299)).toEqual({ key: `k${500 - WINDOW_ROWS + 1}`, above: 0 })
    expect(trimAtBottom(all, 500 - WINDOW_MAX_ROWS)).toBeNull()
  })

  it('falls back to the newest rows when its first row is gone (another conversation)', () => {
    expect(windowStart(rows(1, 200), { key: 'gone', above: 5 }, false)).toBe(200 - WINDOW_ROWS)
  })
})
