/**
 * The service bot: turns one shopper message into a plain-text reply, routes it
 * to a service type, asks for the evidence that problem needs, and decides
 * when a human agent should take over. Pure: no I/O, never throws.
 */
import {
  CHANNEL_DEFAULTS,
  EVIDENCE_KINDS,
  SERVICE_TYPES,
  SLA_DEFAULTS,
  getServiceType,
  getSubtype,
  requirementsFor,
  type EvidenceKind,
  type ServiceTypeId,
  type SubtypeId,
} from '../../../../types/catalog-data'
import { getKbEntry, type KbEntry } from './knowledge-base'
import { detectOrderNo, detectTrackingNo, searchTokens, type Hit } from './retrieval'
import { CONCEPT_PREFIX, conceptsOf, scriptCounts, tokenize } from './tokenize'

export type Lang = 'zh' | 'en'

/** Input of one bot turn. */
export interface BotInput {
  readonly text: string
  /** How many earlier bot answers in this conversation did not help. */
  readonly history?: { readonly unhelpfulCount: number }
  /** Forces the reply language; detected from the text when absent. */
  readonly lang?: Lang
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
     * Matched intent, or one of: 'greeting', 'thanks', 'unknown' (low
     * confidence), 'invalid_input', 'handoff.request', 'handoff.complaint',
     * 'handoff.lost_compensation', 'handoff.account_block', 'handoff.unhelpful'.
     */
    readonly intent: string
    readonly needsEvidence: EvidenceKind[]
    readonly handoff: boolean
    readonly faqIds: string[]
  }
  readonly quickReplies: QuickReply[]
  readonly ticketPrefill?: TicketPrefill
}

/** Longest message the bot will read; longer ones get a polite request to shorten. */
export const MAX_INPUT_CHARS = 2000

/** After this many unhelpful answers the conversation goes to an agent. */
export const UNHELPFUL_HANDOFF_THRESHOLD = 2

// Below this BM25 score the best match shares too little with the message to be trusted.
// Tuned on test/fixtures/bot-eval.json together with a set of off-topic messages.
const MIN_SCORE = 3.2
// Without any recognised shopper phrase, only a strong overlap counts: bigrams of
// unrelated chatter ("你们公司在哪里") otherwise brush against some FAQ wording.
const MIN_SCORE_WITHOUT_CONCEPT = 10

// Hits within this share of the best score vote on the service type.
const VOTE_WINDOW = 0.6
const VOTE_DEPTH = 5

const DESCRIPTION_MAX_CHARS = 500

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

/** Reply language: English when latin letters clearly dominate, else Chinese. */
export function detectLang(text: string): Lang {
  // Identifiers such as SF1234… are latin but say nothing about the language.
  const { latin, cjk } = scriptCounts(text.replace(/[A-Za-z]*\d{5,}[A-Za-z0-9]*/g, ' '))
  if (latin === 0) return 'zh'
  if (cjk === 0) return 'en'
  // One CJK character carries roughly a word, a latin letter a fraction of one.
  return latin / (latin + cjk * 2) > 0.7 ? 'en' : 'zh'
}

// ---------------------------------------------------------------------------
// Handoff rules
// ---------------------------------------------------------------------------

type HandoffReason = 'request' | 'complaint' | 'lost_compensation' | 'account_block' | 'unhelpful'

function handoffReason(concepts: ReadonlySet<string>, unhelpfulCount: number): HandoffReason | null {
  if (concepts.has('人工')) return 'request'
  if (concepts.has('投诉')) return 'complaint'
  if (concepts.has('丢失') && concepts.has('赔偿') && (concepts.has('物流') || concepts.has('商品') || concepts.has('订单'))) {
    return 'lost_compensation'
  }
  // A blocked account needs identity checks; a blocked payment does not, hence the payment guard.
  const accountBlocked = concepts.has('账号') && (concepts.has('冻结') || (concepts.has('拦截') && !concepts.has('支付')))
  if (accountBlocked) return 'account_block'
  if (unhelpfulCount >= UNHELPFUL_HANDOFF_THRESHOLD) return 'unhelpful'
  return null
}

// ---------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------

interface Understanding {
  readonly top: Hit | null
  readonly serviceType: ServiceTypeId | null
  readonly entry: KbEntry | null
  readonly related: KbEntry[]
  readonly confident: boolean
}

// Words that ask for a person or threaten a complaint say nothing about the
// problem itself; left in, they would match FAQ answers that mention agents.
const ROUTING_ONLY_TOKENS = new Set(['#人工', '人工', '#投诉', '投诉', '#你好', '你好', '#谢谢', '谢谢'])

function understand(text: string): Understanding {
  const tokens = tokenize(text).filter((t) => !ROUTING_ONLY_TOKENS.has(t))
  const hits = searchTokens(tokens)
  const top = hits[0] ?? null
  const hasConcept = tokens.some((t) => t.startsWith(CONCEPT_PREFIX))
  if (!top || top.score < (hasConcept ? MIN_SCORE : MIN_SCORE_WITHOUT_CONCEPT)) {
    return { top, serviceType: null, entry: null, related: [], confident: false }
  }
  // Several good hits agreeing on a service type outweigh one lucky top hit.
  // Each rank counts half as much as the one above, so two mediocre hits cannot outvote a clear winner.
  const votes = new Map<ServiceTypeId | 'none', number>()
  hits.slice(0, VOTE_DEPTH).forEach((h, rank) => {
    if (h.score < top.score * VOTE_WINDOW) return
    const key = h.entry.serviceType ?? 'none'
    votes.set(key, (votes.get(key) ?? 0) + h.score * 0.5 ** rank)
  })
  let bestKey: ServiceTypeId | 'none' = top.entry.serviceType ?? 'none'
  for (const [k, v] of votes) if (v > (votes.get(bestKey) ?? 0)) bestKey = k
  const serviceType = bestKey === 'none' ? null : bestKey
  const entry = hits.find((h) => (h.entry.serviceType ?? 'none') === bestKey)?.entry ?? top.entry
  const related = hits
    .filter((h) => h.entry.id !== entry.id && h.score >= top.score * 0.4)
    .slice(0, 2)
    .map((h) => h.entry)
  return { top, serviceType, entry, related, confident: true }
}

// ---------------------------------------------------------------------------
// Reply text
// ---------------------------------------------------------------------------

const UI = {
  zh: {
    invalid: '抱歉，我没能看懂这条消息。请用一两句话描述您遇到的问题，例如「快递三天了还没到」，或选择下面的问题类型。',
    tooLong: '您的消息有点长，请用一两句话概括遇到的问题；详细情况可以在工单中补充。',
    unknown: '抱歉，我还不太确定您遇到的是哪类问题。可以换个说法，或选择下面的问题类型；也可以直接转人工客服。',
    greeting: '您好，我是智能客服。请告诉我您遇到的问题，例如「订单还没发货」「收到的东西坏了」「退款多久到账」。',
    thanks: '不客气，很高兴能帮到您。还有其他问题随时告诉我。',
    routed: (type: string, sub: string | null) => `问题类型：${type}${sub ? ` · ${sub}` : ''}`,
    prepare: '为了尽快处理，请准备：',
    evidenceItem: (label: string, min: number, hint: string) => `${label}（至少 ${min} 张）：${hint}`,
    orderFound: (no: string) => `已识别订单号：${no}`,
    trackingFound: (no: string) => `已识别快递单号：${no}`,
    orderAsk: '请提供订单号（在「我的订单」中可以复制）。',
    sla: `提交工单后我们会在 ${SLA_DEFAULTS.firstResponseHours} 小时内回复，一般 ${SLA_DEFAULTS.resolutionHours / 24} 天内解决。`,
    handoff: {
      request: '好的，正在为您转接人工客服，请稍候。',
      complaint: '非常抱歉给您带来不好的体验，我们会认真对待。正在为您转接人工客服处理。',
      lost_compensation: '很抱歉包裹丢失给您带来损失。赔偿需要人工核实，正在为您转接人工客服。',
      account_block: '账号冻结需要人工核实身份，正在为您转接人工客服。请准备好注册手机号，不要向任何人透露验证码。',
      unhelpful: '抱歉没能解决您的问题，正在为您转接人工客服。',
    },
    handoffHours: `人工客服服务时间：${CHANNEL_DEFAULTS.hotline.hoursZh}；非服务时间可以提交工单或拨打热线 ${CHANNEL_DEFAULTS.hotline.value}。`,
    qrTicket: '提交工单',
    qrHandoff: '转人工',
    qrTypes: (zh: string) => `${zh}问题`,
  },
  en: {
    invalid:
      'Sorry, I could not read that message. Please describe the problem in a sentence or two, e.g. "my parcel is three days late", or pick a topic below.',
    tooLong: 'That message is quite long. Please sum up the problem in a sentence or two; you can add the details in a ticket.',
    unknown:
      'Sorry, I am not sure what kind of problem this is. Try saying it another way or pick a topic below; you can also talk to an agent.',
    greeting:
      'Hello, I am the service bot. Tell me what is wrong, e.g. "my order has not shipped", "the item arrived broken" or "when will my refund arrive".',
    thanks: 'You are welcome, glad to help. Let me know if there is anything else.',
    routed: (type: string, sub: string | null) => `Topic: ${type}${sub ? ` · ${sub}` : ''}`,
    prepare: 'To speed things up, please have ready:',
    evidenceItem: (label: string, min: number, hint: string) => `${label} (at least ${min}): ${hint}`,
    orderFound: (no: string) => `Order number found: ${no}`,
    trackingFound: (no: string) => `Tracking number found: ${no}`,
    orderAsk: 'Please share your order number (you can copy it in "My orders").',
    sla: `After you submit a ticket we reply within ${SLA_DEFAULTS.firstResponseHours} hours and usually resolve it within ${SLA_DEFAULTS.resolutionHours / 24} days.`,
    handoff: {
      request: 'Sure, connecting you to an agent now. Please hold on.',
      complaint: 'I am very sorry about your experience and we take it seriously. Connecting you to an agent now.',
      lost_compensation: 'Sorry about the lost parcel. Compensation needs an agent to review it, so I am connecting you now.',
      account_block:
        'Unlocking an account needs an agent to verify your identity, so I am connecting you. Have your registered phone number ready and never share verification codes.',
      unhelpful: 'Sorry I could not solve this. Connecting you to an agent now.',
    },
    handoffHours: `Agents are available ${CHANNEL_DEFAULTS.hotline.hoursEn.toLowerCase()}; outside those hours submit a ticket or call ${CHANNEL_DEFAULTS.hotline.value}.`,
    qrTicket: 'Submit a ticket',
    qrHandoff: 'Talk to an agent',
    qrTypes: (en: string) => `${en} problem`,
  },
} as const

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

/** Evidence a matched entry asks for: the subtype's rules when known, else the entry's own list. */
function evidenceFor(entry: KbEntry | null): { kind: EvidenceKind; minFiles: number }[] {
  if (!entry) return []
  const req = entry.subtype ? requirementsFor(entry.subtype) : undefined
  if (req) return req.evidence.map((e) => ({ kind: e.kind, minFiles: e.minFiles }))
  return entry.needsEvidence.map((kind) => ({ kind, minFiles: 1 }))
}

function needsOrderNo(entry: KbEntry | null): boolean {
  if (!entry?.subtype) return false
  return (requirementsFor(entry.subtype)?.fields ?? []).includes('orderNo')
}

function labelOf(serviceType: ServiceTypeId, subtype: SubtypeId | undefined, lang: Lang): string {
  const t = getServiceType(serviceType)
  const s = subtype ? getSubtype(subtype) : undefined
  const type = t ? (lang === 'zh' ? t.zh : t.en) : serviceType
  const sub = s ? (lang === 'zh' ? s.zh : s.en) : null
  return UI[lang].routed(type, sub)
}

function prefill(
  serviceType: ServiceTypeId | null,
  entry: KbEntry | null,
  orderNo: string | null,
  text: string,
): TicketPrefill | undefined {
  if (!serviceType) return undefined
  const subtype = entry?.serviceType === serviceType ? entry.subtype : undefined
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
    meta: { serviceType: null, intent: 'invalid_input', needsEvidence: [], handoff: false, faqIds: [] },
    quickReplies: [...categoryQuickReplies(lang), { label: ui.qrTicket, action: 'ticket' }],
  }
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/** Answer one shopper message. Never throws; unexpected failures yield the generic reply. */
export function answer(input: BotInput): BotReply {
  const raw = typeof input?.text === 'string' ? input.text : ''
  const guessLang: Lang = input?.lang ?? (raw.length <= MAX_INPUT_CHARS ? detectLang(raw) : 'zh')
  try {
    return answerUnsafe(raw, input?.history?.unhelpfulCount ?? 0, guessLang)
  } catch {
    // A reply is always better than an error in the chat window.
    return generic('invalid', guessLang)
  }
}

function answerUnsafe(raw: string, unhelpfulCount: number, lang: Lang): BotReply {
  const rejection = screen(raw)
  if (rejection === 'too_long') return generic('tooLong', lang)
  if (rejection) return generic('invalid', lang)

  const ui = UI[lang]
  const concepts = conceptsOf(raw)
  const orderNo = detectOrderNo(raw)
  const trackingNo = detectTrackingNo(raw)
  const u = understand(raw)
  const entry = u.confident ? u.entry : null
  const serviceType = u.confident ? u.serviceType : null
  const reason = handoffReason(concepts, unhelpfulCount)

  if (reason) {
    // Lost-parcel compensation is a logistics matter even when retrieval hesitates.
    const st: ServiceTypeId | null = reason === 'lost_compensation' ? 'logistics' : reason === 'account_block' ? 'member' : serviceType
    const en: KbEntry | null =
      reason === 'lost_compensation'
        ? (getKbEntry('faq-logistics-lost') ?? null)
        : reason === 'account_block'
          ? (getKbEntry('faq-member-account-locked') ?? null)
          : entry
    const p = prefill(st, en, orderNo, raw)
    const evidence = evidenceFor(en?.serviceType === st ? en : null)
    const lines: string[] = [ui.handoff[reason], ui.handoffHours]
    if (orderNo) lines.push(ui.orderFound(orderNo))
    return {
      text: lines.join('\n'),
      meta: {
        serviceType: st,
        intent: `handoff.${reason}`,
        needsEvidence: evidence.map((e) => e.kind),
        handoff: true,
        faqIds: en ? [en.id] : [],
      },
      quickReplies: [ticketQuickReply(lang, p), { label: CHANNEL_DEFAULTS.hotline.value, action: 'faq', payload: 'faq-channel-hotline' }],
      ...(p ? { ticketPrefill: p } : {}),
    }
  }

  if (!u.confident || !entry) {
    if (concepts.has('你好') || concepts.has('谢谢')) {
      const thanks = concepts.has('谢谢')
      return {
        text: thanks ? ui.thanks : ui.greeting,
        meta: { serviceType: null, intent: thanks ? 'thanks' : 'greeting', needsEvidence: [], handoff: false, faqIds: [] },
        quickReplies: categoryQuickReplies(lang),
      }
    }
    return {
      text: ui.unknown,
      meta: { serviceType: null, intent: 'unknown', needsEvidence: [], handoff: false, faqIds: [] },
      quickReplies: [...categoryQuickReplies(lang), { label: ui.qrHandoff, action: 'handoff' }],
    }
  }

  const evidence = evidenceFor(entry)
  const lines: string[] = []
  if (serviceType) lines.push(labelOf(serviceType, entry.subtype, lang))
  lines.push(lang === 'zh' ? entry.answerZh : entry.answerEn)
  const evidenceText = evidenceLines(evidence, lang)
  if (evidenceText.length > 0) lines.push('', ...evidenceText)
  if (orderNo) lines.push(ui.orderFound(orderNo))
  else if (needsOrderNo(entry)) lines.push(ui.orderAsk)
  if (trackingNo && serviceType === 'logistics') lines.push(ui.trackingFound(trackingNo))
  if (serviceType && entry.subtype) lines.push(ui.sla)

  const p = prefill(serviceType, entry, orderNo, raw)
  const quickReplies: QuickReply[] = u.related.map((r) => ({
    label: lang === 'zh' ? r.questionZh : r.questionEn,
    action: 'faq' as const,
    payload: r.id,
  }))
  if (serviceType) quickReplies.push(ticketQuickReply(lang, p))
  quickReplies.push({ label: ui.qrHandoff, action: 'handoff' })

  return {
    text: lines.join('\n'),
    meta: {
      serviceType,
      intent: entry.intent,
      needsEvidence: evidence.map((e) => e.kind),
      handoff: false,
      faqIds: [entry.id, ...u.related.map((r) => r.id)],
    },
    quickReplies,
    ...(p ? { ticketPrefill: p } : {}),
  }
}

/** Reply for a tapped FAQ quick reply; unknown ids get the generic answer. */
export function replyForFaq(faqId: string, lang: Lang = 'zh'): BotReply {
  const entry = getKbEntry(faqId)
  if (!entry) return generic('invalid', lang)
  const evidence = evidenceFor(entry)
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
      needsEvidence: evidence.map((e) => e.kind),
      handoff: false,
      faqIds: [entry.id],
    },
    quickReplies,
  }
}

/** True when the caller should count this reply as not having helped (low confidence or unreadable input). */
export function isUnhelpful(reply: BotReply): boolean {
  return reply.meta.intent === 'unknown' || reply.meta.intent === 'invalid_input'
}
