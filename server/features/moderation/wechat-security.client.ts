/** WeChat's content-security API (msgSecCheck and mediaCheckAsync v2) with the app's shared access token. */

/** How WeChat rates a text or an image. */
export type Suggest = 'pass' | 'review' | 'risky'

/** Where the content appears, as msgSecCheck's `scene` (1 资料, 2 评论, 3 论坛, 4 社交日志). */
export type Scene = 1 | 2 | 3 | 4

/** Longest text one msgSecCheck call accepts. */
export const MAX_CHECK_CHARS = 2500

/** Gives a valid access token; `true` asks for a fresh one after WeChat rejected the cached one. */
export type TokenSource = (forceRefresh?: boolean) => Promise<string>

const TOKEN_ERRORS = new Set([40001, 40014, 42001])

async function post<T>(apiBase: string, pathname: string, token: string, body: unknown): Promise<T> {
  const url = new URL(pathname, apiBase)
  url.searchParams.set('access_token', token)
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(5000),
  })
  return (await res.json()) as T
}

/** Splits text into pieces of at most `max` characters (code points, so no emoji is cut in half). */
export function splitForCheck(text: string, max = MAX_CHECK_CHARS): string[] {
  const chars = Array.from(text)
  const parts: string[] = []
  for (let i = 0; i < chars.length; i += max) parts.push(chars.slice(i, i + max).join(''))
  return parts
}

interface SecResult {
  errcode?: number
  errmsg?: string
  trace_id?: string
  result?: { suggest?: Suggest; label?: number }
}

/** A thin client for msgSecCheck; errors other than a stale token are thrown to the caller. */
export class WechatSecurityClient {
  constructor(
    private readonly apiBase: string,
    private readonly token: TokenSource,
  ) {}

  private async call(pathname: string, body: unknown): Promise<SecResult> {
    let res = await post<SecResult>(this.apiBase, pathname, await this.token(), body)
    if (res.errcode !== undefined && TOKEN_ERRORS.has(res.errcode))
      res = await post<SecResult>(this.apiBase, pathname, await this.token(true), body)
    if (res.errcode && res.errcode !== 0) throw new Error(`WeChat ${pathname} failed (${res.errcode}: ${res.errmsg ?? ''})`)
    return res
  }

  /** msgSecCheck v2 on one piece of text (≤ 2,500 characters); resolves WeChat's suggestion. */
  async checkText(
    content: string,
    openid: string,
    scene: Scene,
  ): Promise<{ suggest: Suggest; label: number | null; traceId: string | null }> {
    const res = await this.call('/wxa/msg_sec_check', { content, version: 2, scene, openid })
    return { suggest: res.result?.suggest ?? 'pass', label: res.result?.label ?? null, traceId: res.trace_id ?? null }
  }

  /**
   * mediaCheckAsync v2 for an image WeChat fetches from `mediaUrl`; resolves the trace_id under
   * which the verdict is pushed later (event wxa_media_check).
   */
  async checkImageAsync(mediaUrl: string, openid: string, scene: Scene): Promise<string> {
    const res = await this.call('/wxa/media_check_async', { media_url: mediaUrl, media_type: 2, version: 2, scene, openid })
    if (!res.trace_id) throw new Error('WeChat /wxa/media_check_async answered without a trace_id')
    return res.trace_id
  }
}
