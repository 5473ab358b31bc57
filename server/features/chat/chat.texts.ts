import { getServiceType } from '../../../types/catalog-data'
import type { ChatEvent } from '../../../types/chat'
import type { SystemMessage } from '../../../types/system-messages'
import type { Locale } from '../../lib/locale'
import { text } from '../../lib/texts'

export type ChatLang = 'zh' | 'en'

/** The language stored on a conversation, narrowed. */
export function langOf(value: string): ChatLang {
  return value === 'en' ? 'en' : 'zh'
}

/** A conversation's stored language as a locale. */
export function localeOfLang(lang: ChatLang): Locale {
  return lang === 'en' ? 'en-US' : 'zh-CN'
}

/** A locale as the language a conversation stores. */
export function langOfLocale(locale: Locale): ChatLang {
  return locale === 'en-US' ? 'en' : 'zh'
}

/** The code and params a timeline notice is stored as; its sentence is rendered per viewer. */
export function systemOfEvent(e: ChatEvent): SystemMessage {
  switch (e.type) {
    case 'queued':
      return { code: 'queued', params: { serviceType: e.serviceType ?? '' } }
    case 'requeued':
      return { code: 'requeued', params: {} }
    case 'assigned':
      return { code: 'assigned', params: { agentName: e.agentName ?? '' } }
    case 'transferred':
      return { code: 'transferred', params: { agentName: e.agentName ?? '' } }
    case 'ended':
      return { code: e.endedBy === 'idle' ? 'ended_idle' : 'ended', params: {} }
    case 'rating_requested':
      return { code: 'rating_requested', params: {} }
    case 'linked':
      return e.orderNo ? { code: 'linked_order', params: { orderNo: e.orderNo } } : { code: 'linked_ticket', params: {} }
    case 'image_blocked':
      return { code: 'image_blocked', params: {} }
  }
}

function serviceTypeName(id: string | number | undefined, locale: Locale): string {
  const t = typeof id === 'string' && id ? getServiceType(id) : undefined
  if (!t) return text(locale, 'fallback.serviceType')
  return locale === 'zh-CN' ? t.zh : t.en
}

/**
 * The sentence of a system message in `locale`; `legacy` ones (stored before codes existed)
 * keep the text they were stored with.
 */
export function renderSystem(m: SystemMessage, locale: Locale, storedText: string | null = null): string {
  if (m.code === 'legacy') return storedText ?? ''
  const p = { ...m.params }
  if (m.code === 'queued') p.serviceType = serviceTypeName(p.serviceType, locale)
  if (m.code === 'assigned' && !p.agentName) p.agentName = text(locale, 'fallback.agent')
  if (m.code === 'transferred' && !p.agentName) p.agentName = text(locale, 'fallback.anotherAgent')
  return text(locale, `system.${m.code}`, p)
    .replace(/ {2,}/g, ' ')
    .replace(/ ([。.])/g, '$1')
}

/** The sentence a timeline shows for a status change, in the conversation's language. */
export function eventText(e: ChatEvent, lang: ChatLang): string {
  return renderSystem(systemOfEvent(e), localeOfLang(lang))
}
