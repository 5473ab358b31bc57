import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { encryptMessage, messageSignature } from '../../server/features/wechat-push/push-crypto'

export interface SentMessage {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
  miniprogram_state: string
}

/** One msgSecCheck call as WeChat received it. */
export interface SecCheck {
  content: string
  version: number
  scene: number
  openid: string
}

/** One mediaCheckAsync call as WeChat received it. */
export interface MediaCheck {
  media_url: string
  media_type: number
  version: number
  scene: number
  openid: string
  trace_id: string
}

/** A push request as WeChat sends it to the message-push URL (for app.inject). */
export interface SignedPush {
  method: 'POST'
  url: string
  headers: Record<string, string>
  payload: string
}

/** One customer-service message WeChat accepted through custom/send. */
export interface CustomSent {
  touser: string
  msgtype: 'text' | 'image'
  text?: { content: string }
  image?: { media_id: string }
}

/** How the message push is configured in the admin console. */
export interface PushSettings {
  token: string
  format: 'json' | 'xml'
  /** Safe mode (安全模式) when set. */
  aesKey?: string
}

function toXml(body: Record<string, unknown>): string {
  const fields = Object.entries(body).map(([k, v]) =>
    typeof v === 'number' ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${String(v)}]]></${k}>`,
  )
  return `<xml>${fields.join('')}</xml>`
}

/**
 * A local stand-in for api.weixin.qq.com that speaks its protocol: jscode2session,
 * stable_token, subscribeMessage.send with WeChat's errcodes (40001, 40029, 43101, 47003), and
 * msgSecCheck v2 (risky when the text holds one of `riskyWords`), mediaCheckAsync v2 (records the
 * call, answers a trace_id) and the signed message push that later carries the verdict.
 */
export class FakeWechat {
  readonly appId = 'wxfake0123456789'
  readonly secret = 'fake-secret'
  url = ''
  readonly sent: SentMessage[] = []
  tokenRequests = 0
  readonly secChecks: SecCheck[] = []
  readonly mediaChecks: MediaCheck[] = []
  /** Texts holding any of these are rated risky by msgSecCheck. */
  riskyWords: string[] = []
  /** When set, msgSecCheck answers errcode -1 (system busy). */
  secCheckBusy = false
  sendRequests = 0
  /** When set, subscribeMessage.send records the message and never answers (a hung request). */
  holdSends = false
  /** custom/send messages WeChat accepted, in order. */
  readonly customSent: CustomSent[] = []
  /** business/typing commands, by openid. */
  readonly typings: Array<{ touser: string; command: string }> = []
  /** Temporary media uploaded through media/upload: media_id → bytes. */
  readonly uploadedMedia = new Map<string, { data: Buffer; contentType: string }>()
  /** errcodes custom/send answers next (one per call) before accepting again. */
  readonly customErrors: number[] = []
  customRequests = 0
  /** Media the shopper sent (media/get serves them). */
  private readonly media = new Map<string, { data: Buffer; contentType: string }>()
  private customWaiters: Array<() => void> = []
  private server: http.Server | null = null
  private token = ''
  private readonly codes = new Map<string, string>()
  private readonly grants = new Map<string, number>()
  private sendWaiters: Array<() => void> = []

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.route(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    return this
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections()
    await new Promise((resolve) => this.server?.close(resolve))
  }

  /** A wx.login code that exchanges for `openid`. */
  code(code: string, openid: string): void {
    this.codes.set(code, openid)
  }

  /** The shopper accepted `templateId` once more in wx.requestSubscribeMessage. */
  grant(openid: string, templateId: string, n = 1): void {
    this.grants.set(`${openid}:${templateId}`, (this.grants.get(`${openid}:${templateId}`) ?? 0) + n)
  }

  /** Invalidates the current access token, as a token issued elsewhere would. */
  invalidateToken(): void {
    this.token = `revoked-${Date.now()}`
  }

  /** Resolves when the next subscribeMessage.send request arrives. */
  nextSend(): Promise<void> {
    return new Promise((resolve) => this.sendWaiters.push(resolve))
  }

  /** A picture the shopper sends in WeChat's chat: media/get serves it under the returned MediaId. */
  addMedia(data: Buffer, contentType = 'image/png'): string {
    const id = `media-in-${crypto.randomUUID()}`
    this.media.set(id, { data, contentType })
    return id
  }

  /** Resolves once custom/send has accepted `count` messages in all. */
  async customCount(count: number): Promise<CustomSent[]> {
    while (this.customSent.length < count) await new Promise<void>((resolve) => this.customWaiters.push(resolve))
    return this.customSent
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    const raw = Buffer.concat(chunks)
    const reply = (obj: object): void => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(obj))
    }
    const token = url.searchParams.get('access_token')
    if (url.pathname === '/cgi-bin/media/upload') return reply(this.mediaUpload(token, url.searchParams.get('type'), req, raw))
    if (url.pathname === '/cgi-bin/media/get') {
      if (!token || token !== this.token) return reply({ errcode: 40001, errmsg: 'invalid credential' })
      const media = this.media.get(url.searchParams.get('media_id') ?? '')
      if (!media) return reply({ errcode: 40007, errmsg: 'invalid media_id' })
      res.writeHead(200, { 'content-type': media.contentType }).end(media.data)
      return
    }
    const body = raw.length ? JSON.parse(raw.toString()) : {}
    if (url.pathname === '/cgi-bin/message/custom/send') {
      this.customRequests++
      const answer = this.customSend(token, body as CustomSent)
      this.customWaiters.splice(0).forEach((w) => w())
      return reply(answer)
    }
    if (url.pathname === '/cgi-bin/message/custom/business/typing') {
      if (!token || token !== this.token) return reply({ errcode: 40001, errmsg: 'invalid credential' })
      const { touser, command } = body as { touser?: string; command?: string }
      if (!touser || (command !== 'Typing' && command !== 'CancelTyping')) return reply({ errcode: 40003, errmsg: 'invalid args' })
      this.typings.push({ touser, command })
      return reply({ errcode: 0, errmsg: 'ok' })
    }
    if (url.pathname === '/sns/jscode2session') return reply(this.jscode2session(url.searchParams))
    if (url.pathname === '/cgi-bin/stable_token') return reply(this.stableToken(body))
    if (url.pathname === '/wxa/media_check_async') return reply(this.mediaCheckAsync(url.searchParams.get('access_token'), body))
    if (url.pathname === '/wxa/msg_sec_check') return reply(this.msgSecCheck(url.searchParams.get('access_token'), body))
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      this.sendRequests++
      const answer = this.subscribeSend(url.searchParams.get('access_token'), body)
      this.sendWaiters.splice(0).forEach((w) => w())
      if (this.holdSends && answer.errcode === 0) return
      return reply(answer)
    }
    res.writeHead(404).end()
  }

  private jscode2session(q: URLSearchParams): object {
    if (q.get('appid') !== this.appId || q.get('secret') !== this.secret) return { errcode: 40125, errmsg: 'invalid appsecret' }
    const openid = this.codes.get(q.get('js_code') ?? '')
    if (!openid) return { errcode: 40029, errmsg: 'invalid code' }
    this.codes.delete(q.get('js_code')!)
    return { openid, session_key: 'c2Vzc2lvbg==' }
  }

  private stableToken(body: { appid?: string; secret?: string; grant_type?: string; force_refresh?: boolean }): object {
    this.tokenRequests++
    if (body.grant_type !== 'client_credential' || body.appid !== this.appId || body.secret !== this.secret) {
      return { errcode: 40125, errmsg: 'invalid appsecret' }
    }
    if (!this.token.startsWith('tok-') || body.force_refresh) this.token = `tok-${this.tokenRequests}`
    return { access_token: this.token, expires_in: 7200 }
  }

  private msgSecCheck(token: string | null, body: SecCheck): object {
    if (!token || token !== this.token) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
    if (this.secCheckBusy) return { errcode: -1, errmsg: 'system error' }
    if (body.version !== 2 || ![1, 2, 3, 4].includes(body.scene) || !body.openid) return { errcode: 40003, errmsg: 'invalid args' }
    if (Array.from(body.content ?? '').length > 2500) return { errcode: 44004, errmsg: 'content too long' }
    this.secChecks.push(body)
    const risky = this.riskyWords.some((w) => body.content.includes(w))
    const result = risky ? { suggest: 'risky', label: 20006 } : { suggest: 'pass', label: 100 }
    return {
      errcode: 0,
      errmsg: 'ok',
      result,
      detail: [{ strategy: 'content_model', errcode: 0, ...result }],
      trace_id: `trace-${this.secChecks.length}`,
    }
  }

  private mediaCheckAsync(token: string | null, body: Omit<MediaCheck, 'trace_id'>): object {
    if (!token || token !== this.token) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
    const validUrl = typeof body.media_url === 'string' && /^https?:\/\//.test(body.media_url)
    if (body.version !== 2 || body.media_type !== 2 || ![1, 2, 3, 4].includes(body.scene) || !body.openid || !validUrl)
      return { errcode: 40003, errmsg: 'invalid args' }
    const traceId = `media-${crypto.randomUUID()}`
    this.mediaChecks.push({ ...body, trace_id: traceId })
    return { errcode: 0, errmsg: 'ok', trace_id: traceId }
  }

  /**
   * The wxa_media_check push WeChat sends once the image is rated, signed with `pushToken` as
   * the message-push settings say; `timestamp` (unix seconds) defaults to now.
   */
  mediaVerdictPush(pushToken: string, traceId: string, suggest: 'pass' | 'review' | 'risky', timestamp?: number): SignedPush {
    const check = this.mediaChecks.find((c) => c.trace_id === traceId)
    const now = timestamp ?? Math.floor(Date.now() / 1000)
    return this.signedPush(pushToken, now, {
      ToUserName: 'gh_fake0123456',
      FromUserName: check?.openid ?? '',
      CreateTime: now,
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.appId,
      trace_id: traceId,
      version: 2,
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label: suggest === 'risky' ? 20002 : 100, prob: 90 }],
      errcode: 0,
      errmsg: 'ok',
      result: { suggest, label: suggest === 'risky' ? 20002 : 100 },
    })
  }

  /** Any JSON push, signed as WeChat signs it (SHA-1 of the sorted token, timestamp and nonce). */
  signedPush(pushToken: string, timestamp: number, body: object): SignedPush {
    const nonce = String(crypto.randomInt(1e9))
    const signature = crypto
      .createHash('sha1')
      .update([pushToken, String(timestamp), nonce].sort().join(''))
      .digest('hex')
    return {
      method: 'POST',
      url: `/api/wechat/push?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    }
  }

  private customSend(token: string | null, msg: CustomSent): { errcode: number; errmsg: string } {
    if (!token || token !== this.token) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
    if (!msg.touser) return { errcode: 40003, errmsg: 'invalid openid' }
    const valid =
      (msg.msgtype === 'text' && typeof msg.text?.content === 'string' && msg.text.content.length > 0) ||
      (msg.msgtype === 'image' && !!msg.image?.media_id && this.uploadedMedia.has(msg.image.media_id))
    if (!valid) return { errcode: 40003, errmsg: 'invalid args' }
    const err = this.customErrors.shift()
    if (err)
      return {
        errcode: err,
        errmsg: err === 45015 ? 'response out of time limit' : err === 45047 ? 'out of response count limit' : 'error',
      }
    this.customSent.push(msg)
    return { errcode: 0, errmsg: 'ok' }
  }

  private mediaUpload(token: string | null, type: string | null, req: http.IncomingMessage, raw: Buffer): object {
    if (!token || token !== this.token) return { errcode: 40001, errmsg: 'invalid credential' }
    const boundary = /boundary=([^;]+)/.exec(req.headers['content-type'] ?? '')?.[1]
    if (type !== 'image' || !boundary) return { errcode: 40004, errmsg: 'invalid media type' }
    const part = raw
      .toString('latin1')
      .split(`--${boundary}`)
      .find((p) => p.includes('name="media"'))
    if (!part) return { errcode: 41005, errmsg: 'media data missing' }
    const [head, ...rest] = part.split('\r\n\r\n')
    const data = Buffer.from(rest.join('\r\n\r\n').replace(/\r\n$/, ''), 'latin1')
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1] ?? ''
    if (!contentType.startsWith('image/') || data.length === 0) return { errcode: 40005, errmsg: 'invalid file type' }
    const mediaId = `media-out-${crypto.randomUUID()}`
    this.uploadedMedia.set(mediaId, { data, contentType })
    return { type: 'image', media_id: mediaId, created_at: Math.floor(Date.now() / 1000) }
  }

  /**
   * A customer-service push as WeChat sends it with these console settings: JSON or XML, plain
   * or safe mode (Encrypt + msg_signature). `nonce` and `timestamp` may be fixed to test refusals.
   */
  customerPush(settings: PushSettings, body: Record<string, unknown>, opts: { timestamp?: number; nonce?: string } = {}): SignedPush {
    const timestamp = String(opts.timestamp ?? Math.floor(Date.now() / 1000))
    const nonce = opts.nonce ?? String(crypto.randomInt(1e9))
    const full = { ToUserName: 'gh_fake0123456', ...body }
    const inner = settings.format === 'xml' ? toXml(full) : JSON.stringify(full)
    const signature = crypto.createHash('sha1').update([settings.token, timestamp, nonce].sort().join('')).digest('hex')
    const contentType = settings.format === 'xml' ? 'text/xml' : 'application/json'
    if (!settings.aesKey) {
      return {
        method: 'POST',
        url: `/api/wechat/push?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`,
        headers: { 'content-type': contentType },
        payload: inner,
      }
    }
    const encrypted = encryptMessage(settings.aesKey, this.appId, inner)
    const msgSignature = messageSignature(settings.token, timestamp, nonce, encrypted)
    const outer = { ToUserName: 'gh_fake0123456', Encrypt: encrypted }
    return {
      method: 'POST',
      url: `/api/wechat/push?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}&encrypt_type=aes&msg_signature=${msgSignature}`,
      headers: { 'content-type': contentType },
      payload: settings.format === 'xml' ? toXml(outer) : JSON.stringify(outer),
    }
  }

  private subscribeSend(token: string | null, msg: SentMessage): { errcode: number; errmsg: string } {
    if (!token || token !== this.token) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' }
    const thingTooLong = Object.entries(msg.data ?? {}).some(([k, v]) => k.startsWith('thing') && Array.from(v.value).length > 20)
    if (thingTooLong) return { errcode: 47003, errmsg: 'argument invalid! data.thing.value exceeds limit' }
    const key = `${msg.touser}:${msg.template_id}`
    const left = this.grants.get(key) ?? 0
    if (left < 1) return { errcode: 43101, errmsg: 'user refuse to accept the msg' }
    this.grants.set(key, left - 1)
    this.sent.push(msg)
    return { errcode: 0, errmsg: 'ok' }
  }
}
