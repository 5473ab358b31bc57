/**
 * Optional language-model reading of a shopper message through an OpenAI-compatible chat
 * completions endpoint (LLM_BASE_URL + LLM_API_KEY). The model only chooses among the bot's
 * own intents and may draft an answer from the knowledge-base text and the shopper's own
 * orders it is given; its JSON is validated by schema and the draft is dropped when it
 * mentions a number the context does not contain. Any failure, slowness (3 s) or doubt
 * returns null and the local model answers alone.
 */
import { Type, type Static } from 'typebox'
import { Value } from 'typebox/value'
import type { Order } from '../../../../types/order'
import type { IntentDef } from './bot-data'
import { answerOf } from './bot-answers'
import { INTENTS, understand } from './understand'

export const LLM_TIMEOUT_MS = 3000
const MAX_DRAFT_CHARS = 600
const CANDIDATES = 5

/** Where the provider lives; absent when LLM_BASE_URL or LLM_API_KEY is unset. */
export interface LanguageModelSettings {
  readonly baseUrl: string
  readonly apiKey: string
  readonly model: string
  readonly timeoutMs?: number
}

/** The settings from the environment, or null to use the local model only. */
export function languageModelSettings(env: Readonly<Record<string, string | undefined>> = process.env): LanguageModelSettings | null {
  if (!env.LLM_BASE_URL || !env.LLM_API_KEY) return null
  return { baseUrl: env.LLM_BASE_URL.replace(/\/+$/, ''), apiKey: env.LLM_API_KEY, model: env.LLM_MODEL || 'gpt-4o-mini' }
}

const ReadingSchema = Type.Object(
  {
    intent: Type.String(),
    confidence: Type.Number({ minimum: 0, maximum: 1 }),
    answer: Type.Optional(Type.String({ maxLength: MAX_DRAFT_CHARS })),
  },
  { additionalProperties: false },
)

/** What the language model made of a message, already checked against the bot's knowledge. */
export interface LanguageModelReading {
  readonly intent: IntentDef
  readonly confidence: number
  /** A draft answer grounded in the given context, when the model wrote one that passed the checks. */
  readonly answer?: string
}

const CompletionSchema = Type.Object({
  choices: Type.Array(Type.Object({ message: Type.Object({ content: Type.String() }) }), { minItems: 1 }),
})

function orderFacts(orders: readonly Order[]): string {
  return orders
    .slice(0, 5)
    .map(
      (o) =>
        `${o.orderNo} ${o.status} ¥${o.amount.yuan} ${o.items.map((i) => i.name).join('、')}${o.logistics ? ` ${o.logistics.companyName} ${o.logistics.trackingNo} ${o.logistics.latest}` : ''}`,
    )
    .join('\n')
}

function prompt(text: string, orders: readonly Order[]): { system: string; user: string; context: string } {
  const reading = understand(text)
  const candidates = reading.ranked.slice(0, CANDIDATES).map((c) => c.intent)
  const kb = candidates.map((i) => `[${i.id}] ${i.labelZh}: ${answerOf(i, 'zh').text}`).join('\n')
  const intents = [...INTENTS.values()].map((i) => `${i.id} (${i.labelZh})`).join(', ')
  const context = `${kb}\n${orderFacts(orders)}`
  const system = [
    'You classify one marketplace shopper message for customer service and may draft a short reply.',
    `Choose "intent" from exactly these ids: ${intents}.`,
    'Draft "answer" in the shopper\'s language using ONLY the knowledge base entries and the shopper\'s orders below; never invent a policy, a time limit, an amount or an order fact. Omit "answer" when the context does not answer the message.',
    'Reply with one JSON object only: {"intent": string, "confidence": number between 0 and 1, "answer"?: string}.',
    `Knowledge base:\n${kb}`,
    `Shopper's orders:\n${orderFacts(orders) || '(none)'}`,
  ].join('\n\n')
  return { system, user: text, context }
}

// Every number in the draft (order numbers, amounts, days) must come from the context.
function grounded(draft: string, context: string): boolean {
  if (/<[^>]*>|javascript:/i.test(draft)) return false
  return (draft.match(/\d+(?:\.\d+)?/g) ?? []).every((n) => context.includes(n))
}

/** Ask the provider; null on any error, timeout, invalid JSON or an intent the bot does not know. */
export async function readWithLanguageModel(
  settings: LanguageModelSettings,
  text: string,
  orders: readonly Order[],
  fetchImpl: typeof fetch = fetch,
): Promise<LanguageModelReading | null> {
  const { system, user, context } = prompt(text, orders)
  try {
    const res = await fetchImpl(`${settings.baseUrl}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${settings.apiKey}` },
      body: JSON.stringify({
        model: settings.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: user },
        ],
      }),
      signal: AbortSignal.timeout(settings.timeoutMs ?? LLM_TIMEOUT_MS),
    })
    if (!res.ok) return null
    const body: unknown = await res.json()
    if (!Value.Check(CompletionSchema, body)) return null
    const parsed: unknown = JSON.parse(body.choices[0]?.message.content ?? '')
    if (!Value.Check(ReadingSchema, parsed)) return null
    const reading: Static<typeof ReadingSchema> = parsed
    const intent = INTENTS.get(reading.intent)
    if (!intent) return null
    const draft = reading.answer?.trim()
    return { intent, confidence: reading.confidence, ...(draft && grounded(draft, context) ? { answer: draft } : {}) }
  } catch {
    // Network failure, timeout, malformed JSON: the local model answers.
    return null
  }
}
