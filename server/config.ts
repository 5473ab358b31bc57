import net from 'node:net'
import { AGENT_HOURS } from '../types/chat-data'
import path from 'node:path'
import type { AuthOptions } from './features/auth/auth.service'
import type { CleanupSettings, UserLimits } from './plugins/limits.types'
import { readNotifySettings, type NotifySettings } from './features/notifications/notify.config'
import { readTicketSettings, type TicketSettings } from './features/tickets/tickets.config'
import { productionProblems } from './production-checks'
import { readUploadStorage, type UploadStorageConfig } from './features/uploads/upload-storage.config'

/** Server settings, read from the environment only. */
export interface Config {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | null
  /** REDIS_URL: rate limits and long-poll slots shared by every instance; null keeps them in this process. */
  redisUrl: string | null
  /** REDIS_PREFIX: the start of every key this server writes, so several deployments can share one Redis. */
  redisPrefix: string
  /** Where upload bytes live (UPLOAD_STORAGE and the S3_* variables). */
  uploadStorage: UploadStorageConfig
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  h5Dir: string
  nodeEnv: string
  /** Fastify's trustProxy: false, a hop count, or the proxy's addresses/CIDRs (TRUST_PROXY). */
  trustProxy: boolean | number | string[]
  /** How long a looked-up session is trusted without asking the database again (SESSION_CACHE_MS; 0 = off). */
  sessionCacheMs: number
  /** Requests per minute per user (or per IP without a session). */
  rateLimitMax: number
  auth: AuthOptions
  /** Largest accepted upload in bytes (UPLOAD_MAX_BYTES). */
  uploadMaxBytes: number
  /** How often the notification worker looks for due messages (NOTIFY_POLL_MS); 0 leaves it to runOnce(). */
  notifyPollMs: number
  notify: NotifySettings
  /** Catalog channels, SLA, subscribe templates and the auto-close sweep. */
  tickets: TicketSettings
  /** Whether /docs (OpenAPI UI and JSON) is served: DOCS=on, or outside production unless DOCS=off. */
  docs: boolean
  /** What one user may hold or start: concurrent long-polls, chats and handoffs and upload bytes per day. */
  limits: UserLimits
  /** Cleanup: unattached uploads, expired sessions and idle guests older than these are removed. */
  cleanup: CleanupSettings
  /** Chat: conversations idle this long end by themselves; the sweep runs every sweepSeconds. */
  chat: { idleMinutes: number; sweepSeconds: number; agentHours: AgentHours }
  /** Public origin of this server (PUBLIC_BASE_URL), for links WeChat fetches itself (image checks); null when unset. */
  publicBaseUrl: string | null
  /** Token of WeChat's message push (WECHAT_PUSH_TOKEN); the push endpoint answers 404 without it. */
  wechatPushToken: string | null
  /** Safe mode (安全模式): WECHAT_PUSH_AES_KEY, the 43-character EncodingAESKey; null means plain mode only. */
  wechatPushAesKey: string | null
  /** The data format chosen in the admin console (WECHAT_PUSH_FORMAT: json or xml). */
  wechatPushFormat: 'json' | 'xml'
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** Thrown when an environment variable has a value the server cannot use. */
export class ConfigError extends Error {}

/** Hours (China Standard Time) in which people answer chats; 0–24 means always. */
export interface AgentHours {
  openHour: number
  closeHour: number
}

function agentHoursOf(value: string | undefined): AgentHours {
  if (!value) return { openHour: AGENT_HOURS.openHour, closeHour: AGENT_HOURS.closeHour }
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(value.trim())
  const openHour = Number(m?.[1])
  const closeHour = Number(m?.[2])
  if (!m || openHour >= closeHour || closeHour > 24) {
    throw new ConfigError(`CHAT_AGENT_HOURS must look like 9-21 (opening and closing hour, China time), got "${value}"`)
  }
  return { openHour, closeHour }
}

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
  const chat = {
    idleMinutes: positiveInt(env, 'CHAT_IDLE_MINUTES', 30),
    sweepSeconds: positiveInt(env, 'CHAT_SWEEP_SECONDS', 60),
    agentHours: agentHoursOf(env.CHAT_AGENT_HOURS),
  }
  const nodeEnv = env.NODE_ENV || 'development'
  if (nodeEnv === 'production') {
    const problems = productionProblems(env)
    if (problems.length > 0) throw new ConfigError(`refusing to start in production:\n  - ${problems.join('\n  - ')}`)
  }
  if (env.DOCS && !['on', 'off'].includes(env.DOCS)) throw new ConfigError(`DOCS must be on or off, got "${env.DOCS}"`)
  const publicBaseUrl = readPublicBaseUrl(env.PUBLIC_BASE_URL)
  const wechatPushToken = env.WECHAT_PUSH_TOKEN || null
  // WeChat's admin console accepts tokens of 3–32 letters and digits.
  if (wechatPushToken && !/^[A-Za-z0-9]{3,32}$/.test(wechatPushToken)) {
    throw new ConfigError('WECHAT_PUSH_TOKEN must be 3 to 32 letters or digits')
  }
  const wechatPushAesKey = env.WECHAT_PUSH_AES_KEY || null
  if (wechatPushAesKey && !/^[A-Za-z0-9]{43}$/.test(wechatPushAesKey)) {
    throw new ConfigError('WECHAT_PUSH_AES_KEY must be the 43-character EncodingAESKey from the admin console')
  }
  const wechatPushFormat = (env.WECHAT_PUSH_FORMAT || 'json').toLowerCase()
  if (wechatPushFormat !== 'json' && wechatPushFormat !== 'xml') throw new ConfigError('WECHAT_PUSH_FORMAT must be json or xml')
  const root = path.resolve(__dirname, '..')
  return {
    port,
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || path.join(root, 'data')),
    databaseUrl,
    redisUrl: readRedisUrl(env.REDIS_URL),
    redisPrefix: readRedisPrefix(env.REDIS_PREFIX),
    uploadStorage: readUploadStorage(env, nodeEnv === 'production', (message) => {
      throw new ConfigError(message)
    }),
    logLevel,
    h5Dir: path.resolve(env.H5_DIR || path.join(root, 'dist', 'h5')),
    nodeEnv,
    rateLimitMax,
    sessionCacheMs: wholeNumber(env, 'SESSION_CACHE_MS', 5000),
    trustProxy: readTrustProxy(env.TRUST_PROXY),
    docs: env.DOCS === 'on' || (nodeEnv !== 'production' && env.DOCS !== 'off'),
    limits: {
      pollsPerUser: positiveInt(env, 'LIMIT_POLLS_PER_USER', 4),
      conversationsPerDay: positiveInt(env, 'LIMIT_CONVERSATIONS_PER_DAY', 30),
      handoffsPerDay: positiveInt(env, 'LIMIT_HANDOFFS_PER_DAY', 10),
      uploadBytesPerDay: positiveInt(env, 'LIMIT_UPLOAD_MB_PER_DAY', 200) * 1024 * 1024,
    },
    cleanup: {
      sweepSeconds: wholeNumber(env, 'CLEANUP_SWEEP_SECONDS', 3600),
      unattachedUploadHours: positiveInt(env, 'CLEANUP_UNATTACHED_UPLOAD_HOURS', 48),
      idleGuestDays: positiveInt(env, 'CLEANUP_IDLE_GUEST_DAYS', 90),
    },
    chat,
    publicBaseUrl,
    wechatPushToken,
    wechatPushAesKey,
    wechatPushFormat,
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

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal']

/** TRUST_PROXY: a number of hops, or comma-separated proxy addresses/CIDRs; unset trusts nobody. */
export function readTrustProxy(raw: string | undefined): boolean | number | string[] {
  if (raw === undefined || raw.trim() === '' || raw === 'false' || raw === 'off') return false
  if (/^\d+$/.test(raw.trim())) {
    const hops = Number(raw.trim())
    if (hops < 1 || hops > 10) throw new ConfigError(`TRUST_PROXY hop count must be between 1 and 10, got "${raw}"`)
    return hops
  }
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/')
    const family = net.isIP(address)
    const maxBits = family === 6 ? 128 : 32
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits)
    if (!PROXY_NAMES.includes(entry) && (family === 0 || !bitsOk || extra !== undefined)) {
      throw new ConfigError(`TRUST_PROXY must be a hop count or proxy addresses/CIDRs (e.g. 10.0.0.5,172.16.0.0/12), got "${entry}"`)
    }
  }
  return entries
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number, got "${raw}"`)
  return value
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

function readRedisUrl(raw: string | undefined): string | null {
  if (!raw) return null
  if (!/^rediss?:\/\/[^/\s]+/.test(raw)) throw new ConfigError(`REDIS_URL must look like redis://host:6379 (or rediss://), got "${raw}"`)
  return raw
}

function readRedisPrefix(raw: string | undefined): string {
  if (raw === undefined || raw === '') return 'sd:'
  if (!/^[A-Za-z0-9:_-]{1,40}$/.test(raw)) throw new ConfigError(`REDIS_PREFIX must be 1–40 letters, digits, ':', '_' or '-', got "${raw}"`)
  return raw
}
