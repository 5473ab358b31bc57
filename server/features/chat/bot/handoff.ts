/**
 * When a person must take over. Wording rules (complaints, compensation, anger, disputes,
 * a request for a person, and the problems only a person can solve: delivered but not
 * received, missing items, frozen or restricted accounts) come from content/handoff-rules.json;
 * intents flagged `handoff` in intents.json add the model's reading of the same problems;
 * and a conversation whose answers keep missing goes to a person too.
 */
import { INTENTS } from './understand'
import { loadHandoffRules, type HandoffRuleReason, type IntentDef } from './bot-data'

export type HandoffReason = HandoffRuleReason | 'unhelpful'

/** After this many unhelpful answers the conversation goes to an agent. */
export const UNHELPFUL_HANDOFF_THRESHOLD = 2

const PROBLEM_HANDOFF_P = 0.8

const RULES = loadHandoffRules().map((r) => {
  const intent = r.intent ? INTENTS.get(r.intent) : undefined
  if (r.intent && !intent) throw new Error(`handoff-rules.json: unknown intent ${r.intent}`)
  return { reason: r.reason, intent, pattern: new RegExp(r.patterns.join('|'), 'i') }
})

// Order matters: the most specific reason is what the agent sees first.
const PRIORITY: readonly HandoffRuleReason[] = ['compensation', 'complaint', 'dispute', 'problem', 'repeated', 'anger', 'request']

/** What the wording of a message says about handing over. */
export interface Wording {
  readonly reasons: readonly HandoffRuleReason[]
  /** The problem a `problem` rule named, which outranks the model's reading. */
  readonly problem: IntentDef | null
  /** Asks about the service itself (hours, phone) rather than for a person now. */
  readonly aboutService: boolean
}

const ABOUT_SERVICE = /几点|什么时候|时间|上班|下班|电话|热线|邮箱|\bhours?\b|\bwhen\b|\bphone\b|\bemail\b/i

/** Wording reasons found in the message, most specific first. */
export function readWording(raw: string): Wording {
  const text = raw.normalize('NFKC').toLowerCase()
  const hits = RULES.filter((r) => r.pattern.test(text))
  const found = new Set(hits.map((r) => r.reason))
  return {
    reasons: PRIORITY.filter((r) => found.has(r)),
    problem: hits.find((r) => r.intent)?.intent ?? null,
    aboutService: ABOUT_SERVICE.test(text),
  }
}

/** The reason to hand over, or null to keep answering. */
export function handoffReason(
  wording: Wording,
  intent: IntentDef | null,
  intentP: number,
  intentSure: boolean,
  unhelpfulCount: number,
): HandoffReason | null {
  const first = wording.reasons.find((r) => r !== 'request')
  if (first) return first
  // Without the wording rules' words, only a clear reading justifies taking the shopper out of self-service.
  if (intent?.handoff && intentP >= PROBLEM_HANDOFF_P && intent.serviceType !== null) return 'problem'
  // "人工客服几点上班" asks about the service hours, not for a person now.
  const askingAboutService = intent?.id === 'general.channel' && intentSure && wording.aboutService
  if ((wording.reasons.includes('request') && !askingAboutService) || (intent?.id === 'general.human' && intentSure)) return 'request'
  if (unhelpfulCount >= UNHELPFUL_HANDOFF_THRESHOLD) return 'unhelpful'
  return null
}
