/**
 * Loads the bot's content — intent definitions, training corpus, handoff wording and the
 * trained model — from the JSON files in ./content, validating each against its schema so a
 * typo in a file stops the server at start instead of skewing answers.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Type, type Static, type TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import { Value } from 'typebox/value'
import { SERVICE_TYPE_IDS, SUBTYPES } from '../../../../types/catalog-data'
import { ORDER_ACTION_KINDS, type OrderActionKind } from '../../../../types/order-action'
import type { IntentModel } from './classifier'

export const DATA_DIR = join(__dirname, 'content')
export const CORPUS_DIR = join(DATA_DIR, 'corpus')
export const MODEL_PATH = join(DATA_DIR, 'intent-model.json')

export type BotActionKind = OrderActionKind

const IntentSchema = Type.Object(
  {
    id: Type.String({ pattern: '^(order|product|logistics|payment|member|general)\\.[a-z_]+$' }),
    labelZh: Type.String({ minLength: 1, maxLength: 20 }),
    labelEn: Type.String({ minLength: 1, maxLength: 40 }),
    serviceType: Type.Union([Type.Union(SERVICE_TYPE_IDS.map((id) => Type.Literal(id))), Type.Null()]),
    subtype: Type.Optional(Type.Union(SUBTYPES.map((s) => Type.Literal(s.id)))),
    faqId: Type.Optional(Type.String()),
    answerZh: Type.Optional(Type.String({ minLength: 1 })),
    answerEn: Type.Optional(Type.String({ minLength: 1 })),
    resolvedBy: Type.Union([Type.Literal('answer'), Type.Literal('self_service'), Type.Literal('agent')]),
    action: Type.Optional(Type.Enum(ORDER_ACTION_KINDS)),
    handoff: Type.Boolean(),
  },
  { additionalProperties: false },
)
export type IntentDef = Static<typeof IntentSchema>

const IntentsFileSchema = Type.Object({ intents: Type.Array(IntentSchema, { minItems: 1 }) }, { additionalProperties: false })

const CorpusFileSchema = Type.Object(
  { intent: Type.String(), utterances: Type.Array(Type.String({ minLength: 1, maxLength: 300 }), { minItems: 5 }) },
  { additionalProperties: false },
)

const HandoffRuleSchema = Type.Object(
  {
    reason: Type.Union([
      Type.Literal('complaint'),
      Type.Literal('compensation'),
      Type.Literal('anger'),
      Type.Literal('dispute'),
      Type.Literal('request'),
      Type.Literal('repeated'),
      Type.Literal('problem'),
    ]),
    /** For `problem` rules: the intent the wording names (missing items, frozen accounts, …). */
    intent: Type.Optional(Type.String()),
    patterns: Type.Array(Type.String({ minLength: 1 }), { minItems: 1 }),
  },
  { additionalProperties: false },
)
const HandoffFileSchema = Type.Object({ rules: Type.Array(HandoffRuleSchema) }, { additionalProperties: false })
export type HandoffRuleReason = Static<typeof HandoffRuleSchema>['reason']

const ModelSchema = Type.Object({
  version: Type.Literal(1),
  classes: Type.Array(Type.String()),
  bias: Type.Array(Type.Number()),
  temperature: Type.Number({ exclusiveMinimum: 0 }),
  corpusSha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  weights: Type.Record(Type.String(), Type.Array(Type.Number())),
})

function readJson<T extends TSchema>(path: string, schema: T): Static<T> {
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'))
  // Compiled: the interpreted check of the 3 MB model took seconds, blocking the first chat after a start.
  if (!Compile(schema).Check(data)) {
    const first = [...Value.Errors(schema, data)][0]
    throw new Error(`${path}: ${first ? `${first.instancePath || '/'} ${first.message}` : 'invalid'}`)
  }
  return data
}

/** Every intent the bot knows, keyed by id. */
export function loadIntents(): ReadonlyMap<string, IntentDef> {
  const { intents } = readJson(join(DATA_DIR, 'intents.json'), IntentsFileSchema)
  const byId = new Map<string, IntentDef>()
  for (const i of intents) {
    if (byId.has(i.id)) throw new Error(`intents.json: duplicate intent ${i.id}`)
    if (!i.faqId && !i.id.startsWith('general.') && !(i.answerZh && i.answerEn)) {
      throw new Error(`intents.json: ${i.id} needs a faqId or answerZh + answerEn`)
    }
    if (i.serviceType !== null && !i.id.startsWith(`${i.serviceType}.`))
      throw new Error(`intents.json: ${i.id} is not under ${i.serviceType}`)
    byId.set(i.id, i)
  }
  return byId
}

/** One labelled training utterance. */
export interface Utterance {
  readonly text: string
  readonly intent: string
}

/** The whole corpus, one file per intent, checked against the intent list. */
export function loadCorpus(intents: ReadonlyMap<string, IntentDef> = loadIntents(), dir: string = CORPUS_DIR): Utterance[] {
  const out: Utterance[] = []
  const seen = new Map<string, string>()
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const { intent, utterances } = readJson(join(dir, file), CorpusFileSchema)
    if (file !== `${intent}.json`) throw new Error(`corpus/${file}: file name must be ${intent}.json`)
    if (!intents.has(intent)) throw new Error(`corpus/${file}: unknown intent ${intent}`)
    for (const text of utterances) {
      const other = seen.get(text)
      if (other && other !== intent) throw new Error(`corpus: "${text}" is labelled both ${other} and ${intent}`)
      if (other) continue
      seen.set(text, intent)
      out.push({ text, intent })
    }
  }
  for (const id of intents.keys()) {
    if (!out.some((u) => u.intent === id)) throw new Error(`corpus: intent ${id} has no utterances`)
  }
  return out
}

/** Handoff wording rules (complaints, compensation, anger, disputes, person requests). */
export function loadHandoffRules(): Static<typeof HandoffFileSchema>['rules'] {
  return readJson(join(DATA_DIR, 'handoff-rules.json'), HandoffFileSchema).rules
}

/** The committed, trained intent model. */
export function loadModel(path: string = MODEL_PATH): IntentModel {
  const model = readJson(path, ModelSchema)
  if (model.bias.length !== model.classes.length) throw new Error(`${path}: bias and classes differ in length`)
  return { ...model, version: 1 }
}

// FNV-1a: a stable hash so the held-out split never changes when files are reordered.
function hash(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

/** One in five utterances, chosen by hash of its text, is held out and never trained or tuned on. */
export function isHeldOut(text: string): boolean {
  return hash(`held-out:${text}`) % 5 === 0
}

/** The k-fold bucket (0…k-1) of a training utterance. */
export function foldOf(text: string, k: number): number {
  return Math.floor(hash(text) / 5) % k
}
