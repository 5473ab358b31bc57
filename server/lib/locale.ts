import Negotiator from 'negotiator'

/** The languages the service speaks; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en-US'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

/**
 * The viewer's locale from an Accept-Language header: the most preferred language that is
 * Chinese or English (any `en-*` → en-US, any `zh-*` → zh-CN); zh-CN when neither is asked for.
 */
export function localeFromAcceptLanguage(header: string | string[] | undefined): Locale {
  const value = Array.isArray(header) ? header.join(',') : header
  if (!value) return DEFAULT_LOCALE
  for (const tag of new Negotiator({ headers: { 'accept-language': value } }).languages()) {
    const primary = tag.toLowerCase().split('-')[0]
    if (primary === 'en') return 'en-US'
    if (primary === 'zh') return 'zh-CN'
  }
  return DEFAULT_LOCALE
}

/** The locale of a request, from its headers. */
export function requestLocale(req: { headers: Record<string, string | string[] | undefined> }): Locale {
  return localeFromAcceptLanguage(req.headers['accept-language'])
}

/** The locale a request asks for, or undefined when it sends no Accept-Language (older clients). */
export function viewerLocale(req: { headers: Record<string, string | string[] | undefined> }): Locale | undefined {
  return req.headers['accept-language'] ? requestLocale(req) : undefined
}

/** Route dependencies for one request: the shared ones plus the viewer's locale. */
export function forViewer<D extends object>(
  deps: D,
  req: { headers: Record<string, string | string[] | undefined> },
): D & { locale?: Locale } {
  return { ...deps, locale: viewerLocale(req) }
}
