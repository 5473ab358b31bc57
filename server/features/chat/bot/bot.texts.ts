/**
 * The bot's own sentences, from the server catalogs (server/locales/*.json, `bot.*`); answers
 * themselves live in the knowledge base and intents.json.
 */
import { CHANNEL_DEFAULTS, SLA_DEFAULTS } from '../../../../types/catalog-data'
import type { Locale } from '../../../lib/locale'
import { text } from '../../../lib/texts'

export type Lang = 'zh' | 'en'

type HandoffText = 'request' | 'complaint' | 'compensation' | 'anger' | 'dispute' | 'problem' | 'unhelpful' | 'repeated'

function handoffTexts(l: Locale): Record<HandoffText, string> {
  return {
    request: text(l, 'bot.handoff.request'),
    complaint: text(l, 'bot.handoff.complaint'),
    compensation: text(l, 'bot.handoff.compensation'),
    anger: text(l, 'bot.handoff.anger'),
    dispute: text(l, 'bot.handoff.dispute'),
    problem: text(l, 'bot.handoff.problem'),
    unhelpful: text(l, 'bot.handoff.unhelpful'),
    repeated: text(l, 'bot.handoff.repeated'),
  }
}

function uiFor(l: Locale, lang: Lang) {
  return {
    invalid: text(l, 'bot.invalid'),
    tooLong: text(l, 'bot.tooLong'),
    unknown: text(l, 'bot.unknown'),
    greeting: text(l, 'bot.greeting'),
    thanks: text(l, 'bot.thanks'),
    clarify: text(l, 'bot.clarify'),
    routed: (type: string, sub: string | null) => (sub ? text(l, 'bot.routedSub', { type, sub }) : text(l, 'bot.routed', { type })),
    prepare: text(l, 'bot.prepare'),
    evidenceItem: (label: string, min: number, hint: string) => text(l, 'bot.evidenceItem', { label, min, hint }),
    orderFound: (orderNo: string) => text(l, 'bot.orderFound', { orderNo }),
    trackingFound: (trackingNo: string) => text(l, 'bot.trackingFound', { trackingNo }),
    orderAsk: text(l, 'bot.orderAsk'),
    sla: text(l, 'bot.sla', {
      firstResponseHours: SLA_DEFAULTS.firstResponseHours,
      resolutionDays: SLA_DEFAULTS.resolutionHours / 24,
    }),
    handoff: handoffTexts(l),
    handoffHours: text(l, 'bot.handoffHours', {
      hours: lang === 'zh' ? CHANNEL_DEFAULTS.hotline.hoursZh : CHANNEL_DEFAULTS.hotline.hoursEn.toLowerCase(),
      hotline: CHANNEL_DEFAULTS.hotline.value,
    }),
    qrTicket: text(l, 'bot.qrTicket'),
    qrHandoff: text(l, 'bot.qrHandoff'),
    qrTypes: (type: string) => text(l, 'bot.qrTypes', { type }),
    summary: (intent: string, facts: string, missing: string) =>
      text(l, facts ? 'bot.summaryFacts' : 'bot.summary', { intent, facts, missing: missing || text(l, 'bot.nothingMissing') }),
    facts: {
      order: text(l, 'bot.facts.order'),
      tracking: text(l, 'bot.facts.tracking'),
      amount: text(l, 'bot.facts.amount'),
      date: text(l, 'bot.facts.date'),
      phone: text(l, 'bot.facts.phone'),
      separator: text(l, 'bot.facts.separator'),
    },
    askedForAgent: text(l, 'bot.askedForAgent'),
    notUnderstood: text(l, 'bot.notUnderstood'),
  }
}

/** The bot's sentences per reply language, built once from the catalogs. */
export const UI = { zh: uiFor('zh-CN', 'zh'), en: uiFor('en-US', 'en') } as const
