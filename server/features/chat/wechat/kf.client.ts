import type { WechatCredentials } from '../../auth/wechat.client'
import { DeliveryError, neverReachedProvider } from '../../notifications/delivery-error'

/** errcodes that mean the access token is no longer valid: refreshed once, then retried. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001])

/** A customer-service message as cgi-bin/message/custom/send takes it. */
export type CustomMessage =
  { touser: string; msgtype: 'text'; text: { content: string } } | { touser: string; msgtype: 'image'; image: { media_id: string } }

/** The reply WeChat gave, with its errcode (0 = accepted). */
export interface KfAnswer {
  errcode: number
  errmsg: string
}

/** Server-side customer-service calls, on the access token shared with subscribe messages. */
export class KfClient {
  constructor(
    private readonly creds: WechatCredentials,
    private readonly accessToken: (forceRefresh: boolean) => Promise<string>,
  ) {}

  /** message/custom/send; answers WeChat's errcode (a rejected token is refreshed once). */
  sendCustom(message: CustomMessage): Promise<KfAnswer> {
    return this.withToken((token) => this.postJson('/cgi-bin/message/custom/send', token, message))
  }

  /** message/custom/business/typing: "Typing" or "CancelTyping" on the shopper's screen. */
  typing(openid: string, command: 'Typing' | 'CancelTyping'): Promise<KfAnswer> {
    return this.withToken((token) => this.postJson('/cgi-bin/message/custom/business/typing', token, { touser: openid, command }))
  }

  /** media/upload as temporary media (type image); answers the media_id. */
  async uploadImage(data: Buffer, contentType: string, filename: string): Promise<string> {
    let mediaId = ''
    const answer = await this.withToken(async (token) => {
      const form = new FormData()
      form.append('media', new Blob([new Uint8Array(data)], { type: contentType }), filename)
      const res = await this.call(this.url('/cgi-bin/media/upload', token, { type: 'image' }), { method: 'POST', body: form })
      const body = (await res.json()) as { media_id?: string; errcode?: number; errmsg?: string }
      mediaId = body.media_id ?? ''
      return { errcode: body.errcode ?? (mediaId ? 0 : -1), errmsg: body.errmsg ?? '' }
    })
    // An upload sends nothing to the shopper, so any failure is safe to retry.
    if (answer.errcode !== 0 || !mediaId) throw new DeliveryError('retry', `media/upload refused (${answer.errcode}: ${answer.errmsg})`)
    return mediaId
  }

  /** media/get: the bytes of a temporary media the shopper sent. */
  async fetchMedia(mediaId: string): Promise<{ data: Buffer; contentType: string }> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await this.call(this.url('/cgi-bin/media/get', await this.accessToken(attempt > 0), { media_id: mediaId }), {})
      const contentType = res.headers.get('content-type') ?? ''
      const data = Buffer.from(await res.arrayBuffer())
      if (!contentType.includes('json') && res.ok) return { data, contentType }
      const body = JSON.parse(data.toString() || '{}') as { errcode?: number; errmsg?: string }
      if (!TOKEN_ERRORS.has(body.errcode ?? 0)) throw new DeliveryError('retry', `media/get refused (${body.errcode}: ${body.errmsg})`)
    }
    throw new DeliveryError('retry', 'media/get refused the refreshed token')
  }

  private async withToken(send: (token: string) => Promise<KfAnswer>): Promise<KfAnswer> {
    const first = await send(await this.accessToken(false))
    return TOKEN_ERRORS.has(first.errcode) ? send(await this.accessToken(true)) : first
  }

  private url(pathname: string, token: string, params: Record<string, string> = {}): URL {
    const url = new URL(pathname, this.creds.apiBase)
    url.search = new URLSearchParams({ access_token: token, ...params }).toString()
    return url
  }

  private async postJson(pathname: string, token: string, body: unknown): Promise<KfAnswer> {
    const res = await this.call(this.url(pathname, token), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const answer = (await res.json()) as { errcode?: number; errmsg?: string }
    return { errcode: answer.errcode ?? 0, errmsg: answer.errmsg ?? '' }
  }

  private async call(url: URL, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(8000) })
    } catch (err) {
      if (neverReachedProvider(err)) throw new DeliveryError('retry', `WeChat unreachable: ${(err as Error).message}`)
      throw new DeliveryError('ambiguous', `WeChat did not answer: ${(err as Error).message}`)
    }
  }
}
