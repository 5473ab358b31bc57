import type { FastifyServerOptions } from 'fastify'
import type { Config } from '../config'
import { maskIp, maskText } from '../lib/masking'

/** Keys whose values never reach the log, wherever they appear (one or two levels deep). */
const SECRET_KEYS = [
  'authorization',
  'cookie',
  'password',
  'token',
  'deviceSecret',
  'sig',
  'text',
  'body',
  'phone',
  'contactPhone',
  'contact_phone',
  'email',
  'contact_email',
  'url',
]

/** pino redact paths for SECRET_KEYS at the top level and nested once or twice. */
export function redactPaths(): string[] {
  return SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]).filter((p) => p !== 'url' && p !== '*.url')
}

/** A request path without its query values: signed links and search text stay out of the log. */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?')
  if (q === -1) return maskText(url)
  const keys = url
    .slice(q + 1)
    .split('&')
    .map((pair) => pair.split('=')[0])
    .filter(Boolean)
  return `${maskText(url.slice(0, q))}?${keys.map((k) => `${k}=*`).join('&')}`
}

interface LoggedRequest {
  method: string
  url: string
  routeOptions?: { url?: string }
  ip?: string
  socket?: { remoteAddress?: string }
}

/** Fastify's logger with request lines that carry no message text, phone, token or signed URL. */
export function loggerOptions(config: Pick<Config, 'logLevel'>, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(stream ? { stream } : {}),
    redact: { paths: redactPaths(), censor: '[redacted]' },
    serializers: {
      req: (req: LoggedRequest) => ({
        method: req.method,
        url: loggableUrl(req.url),
        route: req.routeOptions?.url,
        address: maskIp(req.ip ?? req.socket?.remoteAddress ?? ''),
      }),
    },
  }
}
