/** The few places where weapp and H5 differ, decided once at build time. */
export const isWeapp = process.env.TARO_ENV === 'weapp'
export const isH5 = process.env.TARO_ENV === 'h5'

/** The API origin: same origin on H5, the configured server in the mini-program. */
export const apiBase: string = typeof API_BASE === 'string' ? API_BASE : ''

/** Upload URLs are server paths; the mini-program needs the API origin in front. */
export function absoluteUrl(url: string): string {
  return /^(https?:|blob:|data:|wxfile:)/.test(url) ? url : `${apiBase}${url}`
}

/**
 * A boolean attribute for Taro's Button: H5 writes `disabled={false}` out as `disabled="false"`,
 * which Taro's own `[disabled]` style still matches (an enabled button then looks greyed out).
 */
export const flag = (on: boolean): true | undefined => (on ? true : undefined)
