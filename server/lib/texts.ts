import enUS from '../locales/en-US.json'
import zhCN from '../locales/zh-CN.json'
import type { Locale } from './locale'

type Catalog = ReadonlyMap<string, string>

/** Flattens `{ a: { b: "…" } }` to `a.b`; anything but nested objects of strings is refused. */
function flatten(value: unknown, prefix: string, out: Map<string, string>, locale: string): Map<string, string> {
  if (typeof value === 'string') {
    out.set(prefix, value)
    return out
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`server/locales/${locale}.json: "${prefix}" must be a string or an object of strings`)
  }
  for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out, locale)
  return out
}

/** Loads and checks the catalogs once: both locales must have exactly the same keys. */
export function loadCatalogs(sources: Record<Locale, unknown>): Record<Locale, Catalog> {
  const zh = flatten(sources['zh-CN'], '', new Map(), 'zh-CN')
  const en = flatten(sources['en-US'], '', new Map(), 'en-US')
  const onlyZh = [...zh.keys()].filter((k) => !en.has(k))
  const onlyEn = [...en.keys()].filter((k) => !zh.has(k))
  if (onlyZh.length || onlyEn.length) {
    throw new Error(`server/locales: keys differ (only zh-CN: ${onlyZh.join(', ') || '-'}; only en-US: ${onlyEn.join(', ') || '-'})`)
  }
  return { 'zh-CN': zh, 'en-US': en }
}

const CATALOGS = loadCatalogs({ 'zh-CN': zhCN, 'en-US': enUS })

/** Every key the server catalogs define (the same in each locale). */
export function catalogKeys(): string[] {
  return [...CATALOGS['zh-CN'].keys()]
}

/** True when the catalogs have a text for `key`. */
export function hasText(key: string): boolean {
  return CATALOGS['zh-CN'].has(key)
}

/** The text for `key` in `locale` with `{name}` placeholders filled from `params`. */
export function text(locale: Locale, key: string, params: Record<string, string | number> = {}): string {
  const template = CATALOGS[locale].get(key)
  if (template === undefined) throw new Error(`server/locales: no text "${key}"`)
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}
