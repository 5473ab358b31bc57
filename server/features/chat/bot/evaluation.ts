/**
 * Scores the bot on labelled messages: accuracy per service type and per intent, a
 * confusion matrix of service types, handoff precision and recall, how often it asks
 * instead of answering, and answer time percentiles.
 */
import { performance } from 'node:perf_hooks'
import type { ServiceTypeId } from '../../../../types/catalog-data'
import { answer, type BotReply } from './bot'
import type { IntentDef, Utterance } from './bot-data'

/** Floors on the held-out split, checked by eval:bot and by npm test. */
export const FLOORS = { serviceTypeAccuracy: 0.85, handoffRecall: 0.9, falseHandoffRate: 0.05 } as const

/** One labelled message. `intent` is optional: outside sets only label the service type. */
export interface LabelledMessage {
  readonly text: string
  readonly serviceType: ServiceTypeId | null
  readonly intent?: string
  readonly handoff: boolean
}

/** Per-label accuracy. */
export interface LabelScore {
  readonly total: number
  readonly correct: number
}

/** Everything eval:bot reports for one set. */
export interface EvalReport {
  readonly total: number
  readonly serviceTypeAccuracy: number
  readonly intentAccuracy: number | null
  readonly byServiceType: Record<string, LabelScore>
  readonly byIntent: Record<string, LabelScore>
  /** confusion[expected][predicted] = count; null is written as "none". */
  readonly confusion: Record<string, Record<string, number>>
  readonly handoffPrecision: number
  readonly handoffRecall: number
  readonly falseHandoffRate: number
  readonly clarifyRate: number
  /** Accuracy on the messages the bot answered without asking. */
  readonly answeredAccuracy: number
  readonly p50Ms: number
  readonly p99Ms: number
  readonly mistakes: string[]
}

const key = (t: ServiceTypeId | null): string => t ?? 'none'

// Replies name small talk 'greeting'/'thanks' and answer off-topic messages as 'unknown'.
const REPLY_INTENT: Record<string, string> = { greeting: 'general.greeting', thanks: 'general.thanks', unknown: 'general.offtopic' }

function bump(map: Record<string, LabelScore>, label: string, ok: boolean): void {
  const s = map[label] ?? { total: 0, correct: 0 }
  map[label] = { total: s.total + 1, correct: s.correct + (ok ? 1 : 0) }
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
}

/** Run the bot (or another reply function) over the messages and score it. */
export function evaluate(messages: readonly LabelledMessage[], reply: (text: string) => BotReply = (text) => answer({ text })): EvalReport {
  const byServiceType: Record<string, LabelScore> = {}
  const byIntent: Record<string, LabelScore> = {}
  const confusion: Record<string, Record<string, number>> = {}
  const times: number[] = []
  const mistakes: string[] = []
  let typeOk = 0
  let intentOk = 0
  let intentTotal = 0
  let tp = 0
  let fp = 0
  let fn = 0
  let negatives = 0
  let clarified = 0
  let answered = 0
  let answeredOk = 0
  // The first reply pays for loading the model and warming the JIT, which is start-up, not answer time.
  if (messages[0]) reply(messages[0].text)
  for (const m of messages) {
    const t0 = performance.now()
    const r = reply(m.text)
    times.push(performance.now() - t0)
    const ok = r.meta.serviceType === m.serviceType
    if (ok) typeOk++
    bump(byServiceType, key(m.serviceType), ok)
    const row = (confusion[key(m.serviceType)] ??= {})
    row[key(r.meta.serviceType)] = (row[key(r.meta.serviceType)] ?? 0) + 1
    if (m.intent) {
      intentTotal++
      const iok = (REPLY_INTENT[r.meta.intent] ?? r.meta.intent) === m.intent
      if (iok) intentOk++
      bump(byIntent, m.intent, iok)
    }
    if (r.meta.clarify) clarified++
    else {
      answered++
      if (ok) answeredOk++
    }
    if (!m.handoff) negatives++
    if (r.meta.handoff && m.handoff) tp++
    else if (r.meta.handoff) fp++
    else if (m.handoff) fn++
    if (!ok || r.meta.handoff !== m.handoff) {
      mistakes.push(
        `${m.text}\n    expected ${key(m.serviceType)}${m.intent ? `/${m.intent}` : ''} handoff=${m.handoff}; got ${key(r.meta.serviceType)}/${r.meta.intent} p=${r.meta.confidence} handoff=${r.meta.handoff}`,
      )
    }
  }
  times.sort((a, b) => a - b)
  const n = Math.max(1, messages.length)
  return {
    total: messages.length,
    serviceTypeAccuracy: typeOk / n,
    intentAccuracy: intentTotal ? intentOk / intentTotal : null,
    byServiceType,
    byIntent,
    confusion,
    // With no predicted handoffs there is nothing to be imprecise about.
    handoffPrecision: tp + fp === 0 ? 1 : tp / (tp + fp),
    handoffRecall: tp + fn === 0 ? 1 : tp / (tp + fn),
    falseHandoffRate: negatives === 0 ? 0 : fp / negatives,
    clarifyRate: clarified / n,
    answeredAccuracy: answered === 0 ? 1 : answeredOk / answered,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    mistakes,
  }
}

/** Corpus utterances as labelled messages: service type and handoff follow from the intent. */
export function corpusMessages(utterances: readonly Utterance[], intents: ReadonlyMap<string, IntentDef>): LabelledMessage[] {
  return utterances.map((u) => {
    const def = intents.get(u.intent)
    return { text: u.text, serviceType: def?.serviceType ?? null, intent: u.intent, handoff: def?.handoff ?? false }
  })
}
