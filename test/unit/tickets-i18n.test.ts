import { TICKETS_TEXTS } from '@/features/tickets/tickets.i18n'

/** Every key path of a catalog, nested objects included; arrays count as one leaf with their length. */
function keyPaths(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => {
    const path = `${prefix}${k}`
    if (Array.isArray(v)) return [`${path}[${v.length}]`]
    if (v && typeof v === 'object') return keyPaths(v as Record<string, unknown>, `${path}.`)
    return [`${path}:${typeof v}`]
  })
}

describe('ticket page texts', () => {
  it('has the same keys, shapes and function arities in Chinese and English', () => {
    const { zh, en } = TICKETS_TEXTS
    expect(keyPaths(en).sort()).toEqual(keyPaths(zh).sort())
    const arities = (o: Record<string, unknown>) =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'function' ? [`${k}/${v.length}`] : []))
    expect(arities(en)).toEqual(arities(zh))
  })

  it('has no Chinese left in the English catalog', () => {
    const strings = (o: unknown): string[] =>
      typeof o === 'string'
        ? [o]
        : typeof o === 'function'
          ? [String((o as (...a: unknown[]) => string)('a', 2, 3))]
          : o && typeof o === 'object'
            ? Object.values(o).flatMap(strings)
            : []
    expect(strings(TICKETS_TEXTS.en).filter((s) => /[\u4e00-\u9fff]/.test(s))).toEqual([])
  })
})
