/**
 * Understanding, separated from answering: the trained model's reading of one message as
 * ranked intents, service-type probabilities and a verdict on whether it is sure enough
 * to answer or should ask.
 */
import type { ServiceTypeId } from '../../../../types/catalog-data'
import { loadIntents, loadModel, type IntentDef } from './bot-data'
import { predict, type IntentModel } from './classifier'
import { featuresOf } from './features'

/** One ranked reading. */
export interface Candidate {
  readonly intent: IntentDef
  readonly p: number
}

/** What the model made of one message. */
export interface Understanding {
  readonly ranked: readonly Candidate[]
  readonly serviceType: ServiceTypeId | null
  /** Probability of the chosen service type (or of "no service type" for general intents). */
  readonly confidence: number
  /** True when the reading is clear enough to answer; otherwise the bot asks. */
  readonly sure: boolean
}

// Chosen on the k-fold out-of-fold predictions of the training split (see eval:bot):
// below them, answers are wrong often enough that a question serves the shopper better.
export const SURE_SERVICE_P = 0.5
export const SURE_INTENT_P = 0.3

export const INTENTS = loadIntents()
let model: IntentModel | null = null

/** The shipped model, loaded on first use. */
export function intentModel(): IntentModel {
  model ??= loadModel()
  return model
}

/** Read one message with the given model (the shipped one by default). */
export function understand(text: string, model?: IntentModel): Understanding {
  const m = model ?? intentModel()
  const probs = predict(m, featuresOf(text))
  const ranked: Candidate[] = []
  probs.forEach((p, i) => {
    const intent = INTENTS.get(m.classes[i] ?? '')
    if (intent) ranked.push({ intent, p })
  })
  ranked.sort((a, b) => b.p - a.p || a.intent.id.localeCompare(b.intent.id))
  const byType = new Map<ServiceTypeId | null, number>()
  for (const c of ranked) byType.set(c.intent.serviceType, (byType.get(c.intent.serviceType) ?? 0) + c.p)
  let serviceType: ServiceTypeId | null = null
  let confidence = -1
  for (const [t, p] of byType) {
    if (p > confidence) {
      serviceType = t
      confidence = p
    }
  }
  const top = ranked[0]
  const sure = confidence >= SURE_SERVICE_P && (top?.p ?? 0) >= SURE_INTENT_P
  return { ranked, serviceType, confidence, sure }
}

/** The best intent under the chosen service type. */
export function topIntent(u: Understanding): Candidate | null {
  return u.ranked.find((c) => c.intent.serviceType === u.serviceType) ?? null
}
