/**
 * The service bot: turns one shopper message into a plain-text reply. The trained intent
 * model (understand.ts) reads the message; this module answers from the knowledge base,
 * asks when the reading is unclear, asks for the evidence the problem needs and decides,
 * with handoff.ts, when a person takes over. Pure: no I/O after start, never throws.
 */
import type { BotEntities } from '../../../../types/chat'
import {
  CHANNEL_DEFAULTS,
  EVIDENCE_KINDS,
  SERVICE_TYPES,
  getServiceType,
  getSubtype,
  requirementsFor,
  type EvidenceKind,
  type ServiceTypeId,
  type SubtypeId,
} from '../../../../types/catalog-data'
import type { BotActionKind, IntentDef } from './bot-data'
import type { IntentModel } from './classifier'
import { UI, type Lang } from './bot.texts'
import { extractEntities } from './entities'
import { handoffReason, readWording, UNHELPFUL_HANDOFF_THRESHOLD, type HandoffReason } from './handoff'
import { answerOf } from './bot-answers'
import { getKbEntry, type KbEntry } from './knowledge-base'
import type { LanguageModelReading } from './language-model'
import { searchTokens } from './retrieval'
import { scriptCounts, tokenize } from './tokenize'
import { INTENTS, topIntent, understand, type Understanding } from './understand'

export type { Lang }
export { UNHELPFUL_HANDOFF_THRESHOLD }

/** Input of one bot turn. */
export interface BotInput {
  readonly text: string
  /** How many earlier bot answers in this conversation did not help. */
  readonly history?: { readonly unhelpfulCount: number }
  /** Forces the reply language; detected from the text when absent. */
  readonly lang?: Lang
  /** The optional language model's reading, fetched before the turn (see language-model.ts). */
  readonly hint?: LanguageModelReading | null
}

export type QuickReplyAction = 'faq' | 'handoff' | 'ticket' | 'text'

/** A button shown under the reply. */
export interface QuickReply {
  readonly label: string
  readonly action: QuickReplyAction
  /** faq: entry id; ticket: subtype or service type id; text: message to send. */
  readonly payload?: string
}

/** What the bot understood, ready to prefill the ticket form. */
export interface TicketPrefill {
  readonly serviceType: ServiceTypeId
  readonly subtype?: SubtypeId
  readonly orderNo?: string
  readonly description: string
}

/** Reply of one bot turn. `text` is plain text and never contains markup. */
export interface BotReply {
  readonly text: string
  readonly meta: {
    readonly serviceType: ServiceTypeId | null
    /**
     * The understood intent (e.g. 'logistics.delivery_time', see content/intents.json), or
     * 'clarify' (a question back), 'unknown' (nothing recognisable), 'invalid_input'.
     */
    readonly intent: string
    /** Calibrated probability of the service type. */
    readonly confidence: number
    readonly entities: BotEntities
    readonly needsEvidence: EvidenceKind[]
    readonly handoff: boolean
    /** 'handoff.complaint', 'handoff.problem', …: why a person takes over. */
    readonly handoffReason?: string
    readonly clarify?: boolean
    /** For the agent: what was understood and what is still missing. */
    readonly summary?: string
    /** The self-service action this problem can be solved with, when there is one. */
    readonly action?: BotActionKind
    readonly faqIds: string[]
  }
  readonly quickReplies: QuickReply[]
  readonly ticketPrefill?: TicketPrefill
}

/** Longest message the bot will read; longer ones get a polite request to shorten. */
export const MAX_INPUT_CHARS = 2000

const DESCRIPTION_MAX_CHARS = 500

// A second or third reading is offered as a choice only when it is at least this likely.
const CANDIDATE_MIN_P = 0.08
const MAX_CANDIDATES = 3
// A handoff is routed to the service type's queue when the model is at least this sure of it.
const HANDOFF_ROUTE_P = 0.35

// ---------------------------------------------------------------------------
// Input screening
// ---------------------------------------------------------------------------

const MARKUP = /<\s*\/?\s*[a-z!?][^>]*>|<\s*(?:script|iframe|img|svg|style|object|embed)\b|javascript\s*:|&(?:lt|gt|#x?[0-9a-f]+);/i

const INJECTION = [
  /ignore\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier)\s+(?:instructions?|prompts?|rules?|messages?)/i,
  /(?:system|developer)\s+prompt/i,
  /you\s+are\s+now\s+(?:a|an|in)\b/i,
  /\bjailbreak\b|\bDAN\s+mode\b/i,
  /忽略(?:之前|以上|上面|前面|先前)?(?:的)?(?:所有)?(?:指令|指示|提示|规则|设定)/,
  /(?:系统|开发者)提示词|你现在是一个|扮演一个|输出你的(?:提示|指令)/,
  /\b(?:drop|truncate|alter)\s+table\b/i,
  /\bunion\s+(?:all\s+)?select\b/i,
  /\bselect\b[\s\S]{0,80}\bfrom\b[\s\S]{0,80}\bwhere\b/i,
  /\b(?:insert\s+into|delete\s+from|update\s+\w+\s+set)\b/i,
  /'\s*(?:or|and)\s+'?\d+'?\s*=\s*'?\d+/i,
  /;\s*--|\/\*[\s\S]*\*\/|\bxp_cmdshell\b|\bsleep\s*\(\s*\d+\s*\)|\bbenchmark\s*\(/i,
]

type Rejection = 'empty' | 'too_long' | 'markup' | 'injection' | 'no_words'

function screen(text: string): Rejection | null {
  if (text.trim().length === 0) return 'empty'
  if (text.length > MAX_INPUT_CHARS) return 'too_long'
  if (MARKUP.test(text)) return 'markup'
  if (INJECTION.some((re) => re.test(text))) return 'injection'
  // Emoji, punctuation and symbols alone carry nothing we can act on.
  if (!/[\p{L}\p{N}]/u.test(text)) return 'no_words'
  return null
}

/** The text with markup and injection phrases cut out (repeated, since a cut can join new ones). */
export function stripHostile(text: string): string {
  const patterns = [
    new RegExp(MARKUP.source, 'gi'),
    ...INJECTION.map((re) => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)),
  ]
  let out = text
  for (let round = 0; round < 5; round += 1) {
    const next = patterns.reduce((t, re) => t.replace(re, ' '), out).replace(/[<>]/g, ' ')
    if (next === out) break
    out = next
  }
  return out.replace(/\s+/g, ' ').trim()
}

function categoryQuickReplies(lang: Lang): QuickReply[] {
  return SERVICE_TYPES.map((t) => ({
    label: lang === 'zh' ? UI.zh.qrTypes(t.zh) : UI.en.qrTypes(t.en),
    action: 'faq' as const,
    payload: `faq-${t.id}-overview`,
  }))
}

function evidenceLines(kinds: readonly { kind: EvidenceKind; minFiles: number }[], lang: Lang): string[] {
  if (kinds.length === 0) return []
  const ui = UI[lang]
  const lines = kinds.map((e) => {
    const k = EVIDENCE_KINDS[e.kind]
    return `· ${ui.evidenceItem(lang === 'zh' ? k.zh : k.en, Math.max(1, e.minFiles), lang === 'zh' ? k.hintZh : k.hintEn)}`
  })
  return [ui.prepare, ...lines]
}

/** Evidence a problem asks for: the catalog subtype's rules when known, else the FAQ entry's own list. */
function evidenceFor(subtype: SubtypeId | undefined, entry: KbEntry | null): { kind: EvidenceKind; minFiles: number }[] {
  const req = subtype ? requirementsFor(subtype) : undefined
  if (req) return req.evidence.map((e) => ({ kind: e.kind, minFiles: e.minFiles }))
  return (entry?.needsEvidence ?? []).map((kind) => ({ kind, minFiles: 1 }))
}

function needsOrderNo(subtype: SubtypeId | undefined): boolean {
  return subtype ? (requirementsFor(subtype)?.fields ?? []).includes('orderNo') : false
}

function labelOf(serviceType: ServiceTypeId, subtype: SubtypeId | undefined, lang: Lang): string {
  const t = getServiceType(serviceType)
  const s = subtype ? getSubtype(subtype) : undefined
  const type = t ? (lang === 'zh' ? t.zh : t.en) : serviceType
  const sub = s ? (lang === 'zh' ? s.zh : s.en) : null
  return UI[lang].routed(type, sub)
}

/** Plain text safe to store as a ticket description: no markup, no control characters, bounded length. */
function sanitizeDescription(text: string): string {
  const cleaned = text
    .replace(/[<>]/g, ' ')
    .replace(/\t/g, ' ')
    // Control and bidi-override characters would corrupt the ticket view; newlines stay.
    .split('\n')
    .map((line) => line.replace(/[\p{Cc}\u200b-\u200f\u202a-\u202e]/gu, ''))
    .join('\n')
    .replace(/ +/g, ' ')
    .trim()
  return Array.from(cleaned).slice(0, DESCRIPTION_MAX_CHARS).join('')
}

function prefill(
  serviceType: ServiceTypeId | null,
  subtype: SubtypeId | undefined,
  orderNo: string | undefined,
  text: string,
): TicketPrefill | undefined {
  if (!serviceType) return undefined
  return {
    serviceType,
    ...(subtype ? { subtype } : {}),
    ...(orderNo ? { orderNo } : {}),
    description: sanitizeDescription(text),
  }
}

function ticketQuickReply(lang: Lang, p: TicketPrefill | undefined): QuickReply {
  return { label: UI[lang].qrTicket, action: 'ticket', ...(p ? { payload: p.subtype ?? p.serviceType } : {}) }
}

function generic(kind: 'invalid' | 'tooLong', lang: Lang): BotReply {
  const ui = UI[lang]
  return {
    text: kind === 'invalid' ? ui.invalid : ui.tooLong,
    meta: { serviceType: null, intent: 'invalid_input', confidence: 0, entities: {}, needsEvidence: [], handoff: false, faqIds: [] },
    quickReplies: [...categoryQuickReplies(lang), { label: ui.qrTicket, action: 'ticket' }],
  }
}

function intentLabel(intent: IntentDef, lang: Lang): string {
  return lang === 'zh' ? intent.labelZh : intent.labelEn
}

function factsOf(e: BotEntities, lang: Lang): string {
  const f = UI[lang].facts
  const parts: string[] = []
  if (e.orderNo) parts.push(`${f.order} ${e.orderNo}`)
  if (e.trackingNo) parts.push(`${f.tracking} ${e.trackingNo}`)
  if (e.amountsCents?.length) parts.push(`${f.amount} ${e.amountsCents.map((c) => `¥${(c / 100).toFixed(2)}`).join(', ')}`)
  if (e.dates?.length) parts.push(`${f.date} ${e.dates.join(', ')}`)
  if (e.phones?.length) parts.push(`${f.phone} ${e.phones.join(', ')}`)
  return parts.join(f.separator)
}

/** The agent-facing one-line summary of a message: intent, entities, evidence still missing. */
function summaryOf(
  intent: IntentDef | null,
  entities: BotEntities,
  evidence: readonly EvidenceKind[],
  reason: HandoffReason | null,
): string {
  const label = intent && intent.serviceType !== null ? intent.labelZh : reason === 'request' ? UI.zh.askedForAgent : UI.zh.notUnderstood
  const missing: string[] = evidence.map((k) => EVIDENCE_KINDS[k].zh)
  if (needsOrderNo(intent?.subtype) && !entities.orderNo) missing.unshift(UI.zh.facts.order)
  return UI.zh.summary(label, factsOf(entities, 'zh'), missing.join('、'))
}

/** Related FAQ entries by BM25 over the knowledge base, within the understood service type. */
function related(text: string, serviceType: ServiceTypeId | null, exclude: string | undefined): KbEntry[] {
  if (!serviceType) return []
  const hits = searchTokens(tokenize(text))
  const top = hits[0]?.score ?? 0
  return hits
    .filter(
      (h) => h.entry.serviceType === serviceType && h.entry.id !== exclude && h.score >= top * 0.5 && !h.entry.id.endsWith('-overview'),
    )
    .slice(0, 2)
    .map((h) => h.entry)
}

/** The self-service action of the intent an FAQ entry answers. */
const ACTION_BY_FAQ = new Map<string, NonNullable<IntentDef['action']>>()
for (const i of INTENTS.values()) if (i.faqId && i.action) ACTION_BY_FAQ.set(i.faqId, i.action)

/** Exact taps on a clarifying quick reply resolve without the model. */
const BY_LABEL = new Map<string, IntentDef>()
for (const i of INTENTS.values()) {
  BY_LABEL.set(i.labelZh, i)
  BY_LABEL.set(i.labelEn.toLowerCase(), i)
}

function read(raw: string, model: IntentModel | undefined): Understanding {
  const tapped = BY_LABEL.get(raw.trim()) ?? BY_LABEL.get(raw.trim().toLowerCase())
  if (tapped) return { ranked: [{ intent: tapped, p: 1 }], serviceType: tapped.serviceType, confidence: 1, sure: true }
  return understand(raw, model)
}

/** Reply language: English when latin letters clearly dominate, else Chinese. */
export function detectLang(text: string): Lang {
  // Identifiers such as SF1234… are latin but say nothing about the language.
  const { latin, cjk } = scriptCounts(text.replace(/[A-Za-z]*\d{5,}[A-Za-z0-9]*/g, ' '))
  if (latin === 0) return 'zh'
  if (cjk === 0) return 'en'
  // One CJK character carries roughly a word, a latin letter a fraction of one.
  return latin / (latin + cjk * 2) > 0.7 ? 'en' : 'zh'
}

/** Answer one shopper message. Never throws; unexpected failures yield the generic reply. */
export function answer(input: BotInput): BotReply {
  return answerWithModel(input, undefined)
}

/** `answer` with another intent model: cross-validation scores the whole bot per fold. */
export function answerWithModel(input: BotInput, model: IntentModel | undefined): BotReply {
  const raw = typeof input?.text === 'string' ? input.text : ''
  const guessLang: Lang = input?.lang ?? (raw.length <= MAX_INPUT_CHARS ? detectLang(raw) : 'zh')
  try {
    return answerUnsafe(raw, input?.history?.unhelpfulCount ?? 0, guessLang, model, input?.hint ?? null)
  } catch {
    // A reply is always better than an error in the chat window.
    return generic('invalid', guessLang)
  }
}

function handoffReply(
  raw: string,
  u: Understanding,
  intent: IntentDef | null,
  reason: HandoffReason,
  entities: BotEntities,
  lang: Lang,
  named: boolean,
): BotReply {
  const ui = UI[lang]
  // Without a clear problem there is no service type to route to: the general queue takes it.
  const clear = named || (u.confidence >= HANDOFF_ROUTE_P && topIntent(u)?.intent.id === intent?.id)
  const serviceType = intent && intent.serviceType !== null && clear ? intent.serviceType : null
  const subtype = serviceType ? intent?.subtype : undefined
  const { entry } = intent ? answerOf(intent, lang) : { entry: null }
  const evidence = serviceType ? evidenceFor(subtype, entry) : []
  const p = prefill(serviceType, subtype, entities.orderNo, raw)
  const lines: string[] = [ui.handoff[reason], ui.handoffHours]
  if (entities.orderNo) lines.push(ui.orderFound(entities.orderNo))
  const kinds = evidence.map((e) => e.kind)
  return {
    text: lines.join('\n'),
    meta: {
      serviceType,
      intent: intent?.id ?? 'unknown',
      confidence: round(u.confidence),
      entities,
      needsEvidence: kinds,
      handoff: true,
      handoffReason: `handoff.${reason}`,
      summary: summaryOf(serviceType ? intent : null, entities, kinds, reason),
      faqIds: entry ? [entry.id] : [],
    },
    // Outside service hours the hotline is the other way to a person.
    quickReplies: [ticketQuickReply(lang, p), { label: CHANNEL_DEFAULTS.hotline.value, action: 'faq', payload: 'faq-channel-hotline' }],
    ...(p ? { ticketPrefill: p } : {}),
  }
}

function clarifyReply(u: Understanding, entities: BotEntities, lang: Lang): BotReply {
  const ui = UI[lang]
  const seen = new Set<string>()
  const candidates = u.ranked
    .filter((c) => c.intent.serviceType !== null && c.p >= CANDIDATE_MIN_P)
    .filter((c) => (seen.has(c.intent.labelZh) ? false : (seen.add(c.intent.labelZh), true)))
    .slice(0, MAX_CANDIDATES)
  if (candidates.length < 2) return unknownReply(u, entities, lang)
  const best = candidates[0]?.intent ?? null
  return {
    text: ui.clarify,
    meta: {
      serviceType: u.serviceType,
      intent: 'clarify',
      confidence: round(u.confidence),
      entities,
      needsEvidence: [],
      handoff: false,
      clarify: true,
      summary: summaryOf(best, entities, [], null),
      faqIds: [],
    },
    quickReplies: [
      ...candidates.map((c) => ({ label: intentLabel(c.intent, lang), action: 'text' as const, payload: intentLabel(c.intent, lang) })),
      { label: ui.qrHandoff, action: 'handoff' },
    ],
  }
}

function unknownReply(u: Understanding, entities: BotEntities, lang: Lang): BotReply {
  const ui = UI[lang]
  return {
    text: ui.unknown,
    meta: {
      serviceType: null,
      intent: 'unknown',
      confidence: round(u.confidence),
      entities,
      needsEvidence: [],
      handoff: false,
      faqIds: [],
    },
    quickReplies: [...categoryQuickReplies(lang), { label: ui.qrHandoff, action: 'handoff' }],
  }
}

function generalReply(intent: IntentDef, u: Understanding, entities: BotEntities, lang: Lang): BotReply {
  if (intent.id === 'general.offtopic') return unknownReply(u, entities, lang)
  const ui = UI[lang]
  const base = { serviceType: null, intent: intent.id, confidence: round(u.confidence), entities, needsEvidence: [], handoff: false }
  if (intent.id === 'general.greeting' || intent.id === 'general.thanks') {
    const thanks = intent.id === 'general.thanks'
    // The chat opens with a 'greeting' and agent views label 'greeting'/'thanks' as small talk.
    return {
      text: thanks ? ui.thanks : ui.greeting,
      meta: { ...base, intent: thanks ? 'thanks' : 'greeting', faqIds: [] },
      quickReplies: categoryQuickReplies(lang),
    }
  }
  const { text, entry } = answerOf(intent, lang)
  return { text, meta: { ...base, faqIds: entry ? [entry.id] : [] }, quickReplies: [{ label: ui.qrHandoff, action: 'handoff' }] }
}

function round(p: number): number {
  return Math.round(Math.min(1, Math.max(0, p)) * 1000) / 1000
}

// The language model's reading wins only where the local model is unsure, and only when it is itself fairly sure.
const HINT_MIN_CONFIDENCE = 0.6

function withHint(u: Understanding, hint: LanguageModelReading | null): Understanding {
  if (!hint || u.sure || hint.confidence < HINT_MIN_CONFIDENCE) return u
  return {
    ranked: [{ intent: hint.intent, p: hint.confidence }, ...u.ranked.filter((c) => c.intent.id !== hint.intent.id)],
    serviceType: hint.intent.serviceType,
    confidence: hint.confidence,
    sure: true,
  }
}

function answerUnsafe(
  raw: string,
  unhelpfulCount: number,
  lang: Lang,
  model: IntentModel | undefined,
  hint: LanguageModelReading | null,
): BotReply {
  const rejection = screen(raw)
  if (rejection === 'too_long') return generic('tooLong', lang)
  if (rejection === 'markup' || rejection === 'injection') return answerHostile(raw, unhelpfulCount, lang, model)
  if (rejection) return generic('invalid', lang)
  return answerClean(raw, unhelpfulCount, lang, model, hint)
}

/**
 * Markup or an injection attempt around a real request: the request is answered, the rest is
 * dropped. A provider's reading of the raw text is not trusted here, and only a confident reading
 * of a shopper problem counts, so a bare attempt still gets the polite "could not read that".
 */
function answerHostile(raw: string, unhelpfulCount: number, lang: Lang, model: IntentModel | undefined): BotReply {
  const rest = stripHostile(raw)
  if (!/[\p{L}\p{N}]/u.test(rest)) return generic('invalid', lang)
  const reply = answerClean(rest, unhelpfulCount, lang, model, null)
  if (reply.meta.serviceType === null || isUnhelpful(reply)) return generic('invalid', lang)
  return reply
}

function answerClean(
  raw: string,
  unhelpfulCount: number,
  lang: Lang,
  model: IntentModel | undefined,
  hint: LanguageModelReading | null,
): BotReply {
  const ui = UI[lang]
  const entities = extractEntities(raw)
  const wording = readWording(raw)
  const u = withHint(read(raw, model), hint)
  // Wording that names a problem only a person can solve settles what the problem is.
  const best = topIntent(u)
  const intent = wording.problem ?? best?.intent ?? null
  const intentP = wording.problem ? 1 : (best?.p ?? 0)
  const reason = handoffReason(wording, intent, intentP, u.sure || wording.problem !== null, unhelpfulCount)
  if (reason) return handoffReply(raw, u, intent, reason, entities, lang, wording.problem !== null)
  // A problem only a person can solve, read without conviction: ask rather than promise a handoff.
  if (!u.sure || !intent || intent.handoff) return clarifyReply(u, entities, lang)
  if (intent.serviceType === null) return generalReply(intent, u, entities, lang)

  const serviceType = intent.serviceType
  const local = answerOf(intent, lang)
  const entry = local.entry
  // A draft grounded in this answer and the shopper's orders may replace the stock wording.
  const text = hint?.answer && hint.intent.id === intent.id ? hint.answer : local.text
  const evidence = evidenceFor(intent.subtype, entry)
  const lines: string[] = [labelOf(serviceType, intent.subtype, lang), text]
  const evidenceText = evidenceLines(evidence, lang)
  if (evidenceText.length > 0) lines.push('', ...evidenceText)
  if (entities.orderNo) lines.push(ui.orderFound(entities.orderNo))
  // With a self-service card the shopper picks the order there instead of typing it.
  else if (needsOrderNo(intent.subtype) && !intent.action) lines.push(ui.orderAsk)
  if (entities.trackingNo && serviceType === 'logistics') lines.push(ui.trackingFound(entities.trackingNo))
  if (intent.subtype && intent.resolvedBy === 'agent') lines.push(ui.sla)

  const p = prefill(serviceType, intent.subtype, entities.orderNo, raw)
  const more = related(raw, serviceType, entry?.id)
  const quickReplies: QuickReply[] = more.map((r) => ({
    label: lang === 'zh' ? r.questionZh : r.questionEn,
    action: 'faq' as const,
    payload: r.id,
  }))
  quickReplies.push(ticketQuickReply(lang, p), { label: ui.qrHandoff, action: 'handoff' })
  const kinds = evidence.map((e) => e.kind)
  return {
    text: lines.join('\n'),
    meta: {
      serviceType,
      intent: intent.id,
      confidence: round(u.confidence),
      entities,
      needsEvidence: kinds,
      handoff: false,
      summary: summaryOf(intent, entities, kinds, null),
      ...(intent.action ? { action: intent.action } : {}),
      faqIds: [...(entry ? [entry.id] : []), ...more.map((r) => r.id)],
    },
    quickReplies,
    ...(p ? { ticketPrefill: p } : {}),
  }
}

/** Reply for a tapped FAQ quick reply; unknown ids get the generic answer. */
export function replyForFaq(faqId: string, lang: Lang = 'zh'): BotReply {
  const entry = getKbEntry(faqId)
  if (!entry) return generic('invalid', lang)
  const action = ACTION_BY_FAQ.get(entry.id) ?? (entry.intent ? INTENTS.get(entry.intent)?.action : undefined)
  const evidence = evidenceFor(entry.subtype, entry)
  const lines = [lang === 'zh' ? entry.answerZh : entry.answerEn]
  const evidenceText = evidenceLines(evidence, lang)
  if (evidenceText.length > 0) lines.push('', ...evidenceText)
  const quickReplies: QuickReply[] = []
  if (entry.serviceType) quickReplies.push({ label: UI[lang].qrTicket, action: 'ticket', payload: entry.subtype ?? entry.serviceType })
  quickReplies.push({ label: UI[lang].qrHandoff, action: 'handoff' })
  return {
    text: lines.join('\n'),
    meta: {
      serviceType: entry.serviceType,
      intent: entry.intent,
      confidence: 1,
      entities: {},
      needsEvidence: evidence.map((e) => e.kind),
      handoff: false,
      // The answer points to the card, so a tapped FAQ offers it just like a typed question.
      ...(action ? { action } : {}),
      faqIds: [entry.id],
    },
    quickReplies,
  }
}

/** True when the caller should count this reply as not having helped (unclear or unreadable input). */
export function isUnhelpful(reply: BotReply): boolean {
  return reply.meta.intent === 'unknown' || reply.meta.intent === 'invalid_input' || reply.meta.intent === 'clarify'
}
