import { AGENT_HOURS } from '../../../types/chat-data'
import { CHANNEL_DEFAULTS } from '../../../types/catalog-data'
import type { Draft } from './chat.mutate'
import { text as textOf } from '../../lib/texts'
import { localeOfLang, type ChatLang } from './chat.texts'

const HOUR_MS = 3_600_000

interface Hours {
  openHour: number
  closeHour: number
  utcOffsetMinutes?: number
}

/** Whether agents are answering at `now`, and when they next start (the local opening hour). */
export function agentHours(now: Date, hours: Hours = AGENT_HOURS): { open: boolean; opensAt: Date; opensTomorrow: boolean } {
  const offset = (hours.utcOffsetMinutes ?? AGENT_HOURS.utcOffsetMinutes) * 60_000
  const local = new Date(now.getTime() + offset)
  const hour = local.getUTCHours()
  const open = hour >= hours.openHour && hour < hours.closeHour
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate())
  const opensTomorrow = hour >= hours.closeHour
  const opensLocal = midnight + (opensTomorrow ? 24 : 0) * HOUR_MS + hours.openHour * HOUR_MS
  return { open, opensAt: new Date(opensLocal - offset), opensTomorrow }
}

/**
 * The bot's note when a shopper asks for a person outside service hours: when one will answer,
 * and the ways that do not wait (a ticket, the hotline).
 */
export function outOfHoursDraft(now: Date, lang: ChatLang, hours: Hours = AGENT_HOURS): Draft | null {
  const { open, opensTomorrow } = agentHours(now, hours)
  if (open) return null
  const at = `${hours.openHour}:00`
  const hotline = CHANNEL_DEFAULTS.hotline.value
  const locale = localeOfLang(lang)
  const text = opensTomorrow
    ? textOf(locale, 'bot.outOfHours.tomorrow', { at, hotline })
    : textOf(locale, 'bot.outOfHours.today', { at, hotline })
  return {
    sender: 'bot',
    kind: 'text',
    text,
    meta: {
      serviceType: null,
      intent: 'handoff.out_of_hours',
      needsEvidence: [],
      handoff: true,
      faqIds: [],
      quickReplies: [
        { label: textOf(locale, 'bot.qrTicket'), action: 'ticket' },
        { label: hotline, action: 'faq', payload: 'faq-channel-hotline' },
      ],
    },
  }
}
