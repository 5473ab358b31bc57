import type { WechatCredentials } from '../auth/wechat.client'
import { DeliveryError, neverReachedProvider } from './delivery-error'

/** errcodes that mean the access token is no longer valid. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001])
const REFRESH_MARGIN_MS = 5 * 60_000

export interface SubscribeMessage {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
  miniprogram_state: 'developer' | 'trial' | 'formal'
  lang: 'zh_CN'
}

async function postJson<T>(url: URL, body: unknown): Promise<T> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(8000),
    })
    return (await res.json()) as T
  } catch (err) {
    if (neverReachedProvider(err)) throw new DeliveryError('retry', `WeChat unreachable: ${(err as Error).message}`)
    throw new DeliveryError('ambiguous', `WeChat did not answer: ${(err as Error).message}`)
  }
}

/** Server-side WeChat API calls with an access token cached until shortly before it expires. */
export class WechatMessagesClient {
  private token: { value: string; expiresAt: number } | null = null
  private pending: Promise<string> | null = null

  constructor(private readonly creds: WechatCredentials) {}

  /** The cached token, or a new one from cgi-bin/stable_token (one request even when many wait). */
  accessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.token && this.token.expiresAt > Date.now()) return Promise.resolve(this.token.value)
    this.pending ??= this.fetchToken(forceRefresh).finally(() => {
      this.pending = null
    })
    return this.pending
  }

  private async fetchToken(forceRefresh: boolean): Promise<string> {
    const url = new URL('/cgi-bin/stable_token', this.creds.apiBase)
    const body = await postJson<{ access_token?: string; expires_in?: number; errcode?: number; errmsg?: string }>(url, {
      grant_type: 'client_credential',
      appid: this.creds.appId,
      secret: this.creds.secret,
      force_refresh: forceRefresh,
    }).catch((err: DeliveryError) => {
      // No message was sent yet, so a token failure is always safe to retry.
      throw new DeliveryError('retry', err.message)
    })
    if (!body.access_token) throw new DeliveryError('retry', `WeChat token refused (${body.errcode}: ${body.errmsg ?? ''})`)
    const lifetimeMs = (body.expires_in ?? 7200) * 1000
    this.token = { value: body.access_token, expiresAt: Date.now() + Math.max(lifetimeMs - REFRESH_MARGIN_MS, lifetimeMs / 2) }
    return body.access_token
  }

  /** subscribeMessage.send; a rejected token is refreshed once. Resolves when WeChat accepted it. */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    let errcode = await this.trySend(message, await this.accessToken())
    if (TOKEN_ERRORS.has(errcode.code)) errcode = await this.trySend(message, await this.accessToken(true))
    if (errcode.code === 0) return
    if (errcode.code === 43101) throw new DeliveryError('unreachable', 'the shopper has no subscription left for this template (43101)')
    if (errcode.code === -1 || TOKEN_ERRORS.has(errcode.code)) {
      throw new DeliveryError('retry', `WeChat busy or token invalid (${errcode.code}: ${errcode.msg})`)
    }
    throw new DeliveryError('rejected', `WeChat refused the message (${errcode.code}: ${errcode.msg})`)
  }

  private async trySend(message: SubscribeMessage, token: string): Promise<{ code: number; msg: string }> {
    const url = new URL('/cgi-bin/message/subscribe/send', this.creds.apiBase)
    url.searchParams.set('access_token', token)
    const body = await postJson<{ errcode?: number; errmsg?: string }>(url, message)
    return { code: body.errcode ?? 0, msg: body.errmsg ?? '' }
  }
}
