import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(__dirname, '..', '..')
const tokensFile = join(root, 'src', 'styles', 'tokens.scss')
const colourLiteral = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(/gi

function stylesheets(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return stylesheets(path)
    return /\.s?css$/.test(name) ? [path] : []
  })
}

/** Custom properties declared in one block of the tokens file, by name. */
function declared(block: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of block.matchAll(/(--[a-z0-9-]+):\s*([^;]+);/g)) out.set(m[1], m[2].trim())
  return out
}

const tokensSource = readFileSync(tokensFile, 'utf8')
const [baseBlock, careBlock] = tokensSource.split('.care-mode')
const base = declared(baseBlock)
const care = new Map([...base, ...declared(careBlock)])

function luminance(hex: string): number {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

describe('design tokens', () => {
  it('keeps every colour literal in the tokens file', () => {
    const offenders = stylesheets(join(root, 'src'))
      .filter((file) => file !== tokensFile)
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${relative(root, file)}:${i + 1}` }))
          .filter(({ line }) => !line.trim().startsWith('//') && (line.match(colourLiteral) ?? []).length > 0)
          .map(({ at, line }) => `${at}  ${line.trim()}`),
      )
    expect(offenders).toEqual([])
  })

  it('declares every token a stylesheet uses', () => {
    const used = new Set(
      stylesheets(join(root, 'src')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/var\((--(?!nutui-)[a-z0-9-]+)/g)].map((m) => m[1]),
      ),
    )
    expect([...used].filter((name) => !base.has(name))).toEqual([])
  })

  it.each([
    ['default', base],
    ['care mode', care],
  ])('gives text at least 4.5:1 on the surfaces it sits on (%s)', (_mode, tokens) => {
    const value = (name: string) => tokens.get(`--color-${name}`) ?? ''
    const pairs: Array<[string, string]> = [
      ['text', 'bg-page'],
      ['text-secondary', 'fill'],
      ['text-muted', 'bg-page'],
      ['text-muted', 'fill'],
      ['text-muted', 'brand-soft'],
      ['brand-text', 'bg-card'],
      ['brand-text', 'brand-soft'],
      ['brand-text', 'brand-tint'],
      ['text-inverse', 'brand'],
      ['text-inverse', 'brand-strong'],
      ['text-inverse', 'danger'],
      ['text-inverse', 'success'],
      ['text-inverse', 'warning'],
      ['text-inverse', 'info'],
      ['text-inverse', 'accent'],
      ['text-inverse', 'surface-inverse'],
      ['text-inverse-muted', 'surface-inverse'],
      ['danger-text', 'danger-soft'],
      ['success-text', 'success-soft'],
      ['warning-text', 'warning-soft'],
      ['info-text', 'info-soft'],
      ['accent-text', 'accent-soft'],
    ]
    const low = pairs.map(([fg, bg]) => ({ fg, bg, ratio: contrast(value(fg), value(bg)) })).filter(({ ratio }) => !(ratio >= 4.5))
    expect(low).toEqual([])
  })

  it('makes care mode base type at least 18 CSS px (36 design px)', () => {
    expect(parseInt(care.get('--font-size-base') ?? '0', 10)).toBeGreaterThanOrEqual(36)
    expect(parseInt(care.get('--touch-target') ?? '0', 10)).toBeGreaterThan(parseInt(base.get('--touch-target') ?? '0', 10))
  })
})
