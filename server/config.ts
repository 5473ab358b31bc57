import path from 'node:path'
import type { AuthOptions } from './features/auth/auth.service'
import { readNotifySettings, type NotifySettings } from './features/notifications/notify.config'
import { readTicketSettings, type TicketSettings } from './features/tickets/tickets.config'

/** Server settings, read from the environment only. */
export interface Config {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | null
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  h5Dir: string
  nodeEnv: string
  /** Requests per minute per token (or per IP without one). */
  rateLimitMax: number
  auth: AuthOptions
  /** Largest accepted upload in bytes (UPLOAD_MAX_BYTES). */
  uploadMaxBytes: number
  /** How often the notification worker looks for due messages (NOTIFY_POLL_MS); 0 leaves it to runOnce(). */
  notifyPollMs: number
  notify: NotifySettings
  /** Catalog channels, SLA, subscribe templates and the auto-close sweep. */
  tickets: TicketSettings
  /** Chat: conversations idle this long end by themselves; the sweep runs every sweepSeconds. */
  chat: { idleMinutes: number; sweepSeconds: number }
  /** Public origin of this server (PUBLIC_BASE_URL), for links WeChat fetches itself (image checks); null when unset. */
  publicBaseUrl: string | null
  /** Token of WeChat's message push (WECHAT_PUSH_TOKEN); the push endpoint answers 404 without it. */
  wechatPushToken: string | null
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** Thrown when an environment variable has a value the server cannot use. */
export class ConfigError extends Error {}

/** Reads and validates the configuration; throws ConfigError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT === undefined || env.PORT === '' ? 8080 : Number(env.PORT)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${env.PORT}"`)
  }
  const logLevel = (env.LOG_LEVEL || 'info') as Config['logLevel']
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`)
  }
  const databaseUrl = env.DATABASE_URL ? env.DATABASE_URL : null
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${databaseUrl}"`)
  }
  const rateLimitMax = env.RATE_LIMIT_MAX ? Number(env.RATE_LIMIT_MAX) : 600
  if (!Number.isInteger(rateLimitMax) || rateLimitMax < 1) {
    throw new ConfigError(`RATE_LIMIT_MAX must be a positive integer, got "${env.RATE_LIMIT_MAX}"`)
  }
  if (Boolean(env.WECHAT_APPID) !== Boolean(env.WECHAT_SECRET)) {
    throw new ConfigError('WECHAT_APPID and WECHAT_SECRET must be set together')
  }
  const uploadMaxBytes = env.UPLOAD_MAX_BYTES ? Number(env.UPLOAD_MAX_BYTES) : 10 * 1024 * 1024
  if (!Number.isInteger(uploadMaxBytes) || uploadMaxBytes < 1) {
    throw new ConfigError(`UPLOAD_MAX_BYTES must be a positive integer (bytes), got "${env.UPLOAD_MAX_BYTES}"`)
  }
  const notifyPollMs = env.NOTIFY_POLL_MS ? Number(env.NOTIFY_POLL_MS) : 5000
  if (!Number.isInteger(notifyPollMs) || notifyPollMs < 0) {
    throw new ConfigError(`NOTIFY_POLL_MS must be a whole number of milliseconds, got "${env.NOTIFY_POLL_MS}"`)
  }
  const chat = { idleMinutes: positiveInt(env, 'CHAT_IDLE_MINUTES', 30), sweepSeconds: positiveInt(env, 'CHAT_SWEEP_SECONDS', 60) }
  const nodeEnv = env.NODE_ENV || 'development'
  const publicBaseUrl = readPublicBaseUrl(env.PUBLIC_BASE_URL)
  const wechatPushToken = env.WECHAT_PUSH_TOKEN || null
  // WeChat's admin console accepts tokens of 3–32 letters and digits.
  if (wechatPushToken && !/^[A-Za-z0-9]{3,32}$/.test(wechatPushToken)) {
    throw new ConfigError('WECHAT_PUSH_TOKEN must be 3 to 32 letters or digits')
  }
  const root = path.resolve(__dirname, '..')
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || path.join(root, 'data')),
    databaseUrl,
    logLevel,
    h5Dir: path.resolve(env.H5_DIR || path.join(root, 'dist', 'h5')),
    nodeEnv,
    rateLimitMax,
    chat,
    publicBaseUrl,
    wechatPushToken,
    auth: {
      production: nodeEnv === 'production',
      wechat: env.WECHAT_APPID
        ? { appId: env.WECHAT_APPID, secret: env.WECHAT_SECRET ?? '', apiBase: env.WECHAT_API_BASE || 'https://api.weixin.qq.com' }
        : null,
    },
    uploadMaxBytes,
    notifyPollMs,
    notify: readNotifySettings(env, (message) => {
      throw new ConfigError(message)
    }),
    tickets: readTicketSettings(env, (message) => {
      throw new ConfigError(message)
    }),
  }
}

function readPublicBaseUrl(raw: string | undefined): string | null {
  if (!raw) return null
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(`PUBLIC_BASE_URL must be an absolute http(s) URL, got "${raw}"`)
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    throw new ConfigError(`PUBLIC_BASE_URL must be an http(s) origin with an optional path, got "${raw}"`)
  }
  return url.href.replace(/\/+$/, '')
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`)
  return value
}
