import { AUTO_CLOSE_DAYS } from '../../../types/ticket-data'
import { CHANNEL_DEFAULTS, SLA_DEFAULTS } from '../../../types/catalog-data'
import type { SlaPolicy } from './ticket-sla'

/** Ticket and catalog settings read from the environment. */
export interface TicketSettings {
  hotline: string
  email: string
  sla: SlaPolicy
  /** WeChat subscribe-message template ids for the accepted / replied / resolved notices. */
  subscribeTemplates: { accepted: string; replied: string; resolved: string }
  /** How often resolved tickets are checked for auto-close; 0 turns the sweep off. */
  sweepIntervalMs: number
}

// Development placeholders shaped like real template ids (43 url-safe characters).
export const DEV_TEMPLATES = {
  accepted: 'dEvTpLaCcEpTeD0000000000000000000000000000a',
  replied: 'dEvTpLrEpLiEd00000000000000000000000000000r',
  resolved: 'dEvTpLrEsOlVeD0000000000000000000000000000s',
}

/** Reads SERVICE_*, SLA_*, WECHAT_TEMPLATE_* and TICKET_SWEEP_SECONDS; `fail` reports a bad value. */
export function readTicketSettings(env: Record<string, string | undefined>, fail: (message: string) => never): TicketSettings {
  const hours = (name: string, fallback: number) => {
    const raw = env[name]
    if (raw === undefined || raw === '') return fallback
    const n = Number(raw)
    if (!Number.isFinite(n) || n <= 0 || n > 24 * 365) fail(`${name} must be a positive number of hours, got "${raw}"`)
    return n
  }
  const email = env.SERVICE_EMAIL || CHANNEL_DEFAULTS.email.value
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail(`SERVICE_EMAIL must be an email address, got "${email}"`)
  const hotline = env.SERVICE_HOTLINE || CHANNEL_DEFAULTS.hotline.value
  if (!/^[0-9+\- ]{3,20}$/.test(hotline)) fail(`SERVICE_HOTLINE must be a phone number, got "${hotline}"`)
  const template = (name: string, fallback: string) => {
    const value = env[name] || fallback
    if (!/^[A-Za-z0-9_-]{10,64}$/.test(value)) fail(`${name} must be a WeChat subscribe template id, got "${value}"`)
    return value
  }
  const sweepRaw = env.TICKET_SWEEP_SECONDS
  const sweepSeconds = sweepRaw === undefined || sweepRaw === '' ? 600 : Number(sweepRaw)
  if (!Number.isInteger(sweepSeconds) || sweepSeconds < 0) fail(`TICKET_SWEEP_SECONDS must be a whole number ≥ 0, got "${sweepRaw}"`)
  return {
    hotline,
    email,
    sla: {
      firstResponseHours: hours('SLA_FIRST_RESPONSE_HOURS', SLA_DEFAULTS.firstResponseHours),
      resolutionHours: hours('SLA_RESOLUTION_HOURS', SLA_DEFAULTS.resolutionHours),
      autoCloseDays: AUTO_CLOSE_DAYS,
    },
    subscribeTemplates: {
      accepted: template('WECHAT_TEMPLATE_ACCEPTED', DEV_TEMPLATES.accepted),
      replied: template('WECHAT_TEMPLATE_REPLIED', DEV_TEMPLATES.replied),
      resolved: template('WECHAT_TEMPLATE_RESOLVED', DEV_TEMPLATES.resolved),
    },
    sweepIntervalMs: sweepSeconds * 1000,
  }
}
