/**
 * When a person must take over. Wording rules (complaints, compensation, anger, disputes,
 * a request for a person) come from data/handoff-rules.json; problem-based rules come from
 * the intents flagged `handoff` (delivered-not-received, missing items, frozen or restricted
 * accounts); and a conversation whose answers keep missing goes to a person too.
 */
import { loadHandoffRules, type HandoffRuleReason, type IntentDef } from './bot-data'

export type HandoffReason = HandoffRuleReason | 'problem' | 'unhelpful'

/** After this many unhelpful answers the conversation goes to an agent. */
export const UNHELPFUL_HANDOFF_THRESHOLD = 2

const RULES = loadHandoffRules().map((r) => ({ reason: r.reason, pattern: new RegExp(r.patterns.join('|'), 'i') }))

// Order matters: the most specific reason is what the agent sees first.
const PRIORITY: readonly HandoffRuleReason[] = ['compensation', 'complaint', 'dispute', 'anger', 'request']

/** Wording reasons found in the message, most specific first. */
export function wordingReasons(raw: string): HandoffRuleReason[] {
  const text = raw.normalize('NFKC').toLowerCase()
  const found = new Set(RULES.filter((r) => r.pattern.test(text)).map((r) => r.reason))
  return PRIORITY.filter((r) => found.has(r))
}

/** The reason to hand over, or null to keep answering. */
export function handoffReason(
  wording: readonly HandoffRuleReason[],
  intent: IntentDef | null,
  intentConfident: boolean,
  unhelpfulCount: number,
): HandoffReason | null {
  const first = wording.find((r) => r !== 'request')
  if (first) return first
  if (intent?.handoff && intentConfident && intent.serviceType !== null) return 'problem'
  if (wording.includes('request') || intent?.id === 'general.human') return 'request'
  if (unhelpfulCount >= UNHELPFUL_HANDOFF_THRESHOLD) return 'unhelpful'
  return null
}
