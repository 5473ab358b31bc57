import Taro from '@tarojs/taro'
import { apiBase } from './platform'
import { ensureSession, getSession, setSession, type SessionScope } from './session'
import { getLocale, hasMessage, t, type MessageValues } from './i18n'

/** A failed API call, with the server's stable code and a message fit to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message)
  }
  /** True when the request never got an answer (offline, timeout): safe to retry later. */
  get isNetwork(): boolean {
    return this.status === 0
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  data?: unknown
  query?: Record<string, string | number | boolean | undefined | null>
  headers?: Record<string, string>
  timeout?: number
  /** Skip the bearer token (sign-in calls). */
  anonymous?: boolean
  /** Whose token to send; the agent scope never signs in by itself (the login form does). */
  scope?: SessionScope
  /** Receives the request task, so a caller can abort a long-poll it no longer needs. */
  onTask?: (task: { abort: () => void }) => void
}

/**
 * The text for a server error in the user's language: the catalog's wording for its code, else a
 * generic line (the server's own message is English and for developers, never shown).
 */
export function errorMessage(code: string, params?: MessageValues): string {
  const key = `errors.${code}`
  return hasMessage(key) ? t(key, params) : t('errors.generic')
}

/** Headers every call carries: the language the server answers in. */
function baseHeaders(token: string | null): Record<string, string> {
  return { 'Accept-Language': getLocale(), ...(token ? { Authorization: `Bearer ${token}` } : {}) }
}

/** The agent's token, or a 401 ApiError so the workspace can send them to the login page. */
function agentToken(): string {
  const s = getSession('agent')
  if (s && Date.parse(s.expiresAt) > Date.now()) return s.token
  setSession(null, 'agent')
  throw new ApiError(401, 'UNAUTHORIZED', t('errors.AGENT_SIGN_IN'))
}

/** The bearer token for a scope; ensureSession() also replaces an expired shopper session, saving a 401 round trip. */
async function tokenFor(scope: SessionScope): Promise<string> {
  return scope === 'agent' ? agentToken() : (await ensureSession()).token
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  const qs = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&')
  return `${apiBase}${path}${qs ? `?${qs}` : ''}`
}

function toApiError(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: string; field?: string; params?: MessageValues } } | null)?.error
  if (err?.code) return new ApiError(status, err.code, errorMessage(err.code, err.params), err.field)
  const code = status >= 500 ? 'SERVER_ERROR' : 'HTTP_ERROR'
  return new ApiError(status, code, errorMessage(code))
}

async function send<T>(path: string, opts: RequestOptions, token: string | null): Promise<{ status: number; data: T }> {
  try {
    const task = Taro.request<T>({
      url: buildUrl(path, opts.query),
      method: opts.method ?? 'GET',
      data: opts.data as Record<string, unknown> | undefined,
      timeout: opts.timeout ?? 30_000,
      header: {
        'content-type': 'application/json',
        ...baseHeaders(token),
        ...opts.headers,
      },
    })
    if (opts.onTask && typeof task.abort === 'function') opts.onTask({ abort: () => task.abort() })
    const res = await task
    return { status: res.statusCode, data: res.data }
  } catch {
    throw new ApiError(0, 'NETWORK', errorMessage('NETWORK'))
  }
}

/** The one way the app talks to the API: adds the token, maps errors, re-signs-in once on 401. */
export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  if (opts.scope === 'agent' && !opts.anonymous) {
    const res = await send<T>(path, opts, agentToken())
    if (res.status === 401) setSession(null, 'agent')
    if (res.status >= 200 && res.status < 300) return res.data
    throw toApiError(res.status, res.data)
  }
  const token = opts.anonymous ? null : await tokenFor('shopper')
  let res = await send<T>(path, opts, token)
  if (res.status === 401 && !opts.anonymous) {
    setSession(null)
    const fresh = await ensureSession()
    res = await send<T>(path, opts, fresh.token)
  }
  if (res.status >= 200 && res.status < 300) return res.data
  throw toApiError(res.status, res.data)
}

/** Uploads one local file (`tempFilePath`) as multipart; reports progress 0–100. */
export async function upload<T>(
  path: string,
  filePath: string,
  onProgress?: (percent: number) => void,
  scope: SessionScope = 'shopper',
): Promise<T> {
  const token = await tokenFor(scope)
  const result = await new Promise<Taro.uploadFile.SuccessCallbackResult>((resolve, reject) => {
    const task = Taro.uploadFile({
      url: buildUrl(path),
      filePath,
      name: 'file',
      header: baseHeaders(token),
      success: resolve,
      fail: () => reject(new ApiError(0, 'NETWORK', errorMessage('NETWORK'))),
    })
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress))
  })
  let body: unknown = result.data
  try {
    body = typeof result.data === 'string' ? JSON.parse(result.data) : result.data
  } catch {
    // Non-JSON body: fall through to a generic error below.
  }
  if (result.statusCode >= 200 && result.statusCode < 300) return body as T
  throw toApiError(result.statusCode, body)
}

/** Downloads a protected file (e.g. an attachment) with the bearer token; resolves a local path <Image> can show. */
export async function download(path: string, scope: SessionScope = 'shopper'): Promise<string> {
  const token = await tokenFor(scope)
  const res = await Taro.downloadFile({
    url: /^https?:/.test(path) ? path : `${apiBase}${path}`,
    header: baseHeaders(token),
  })
  if (res.statusCode < 200 || res.statusCode >= 300) throw new ApiError(res.statusCode, 'HTTP_ERROR', errorMessage('HTTP_ERROR'))
  return res.tempFilePath
}
