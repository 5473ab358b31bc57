/**
 * Scores the service bot:
 *  - held-out: the fifth of the corpus the shipped model never saw (never tune on it),
 *  - k-fold: the training split, each fold scored by a model trained on the others,
 *  - fixture: test/fixtures/bot-eval.json, written apart from the corpus.
 * Per set: accuracy per service type and intent, a confusion matrix, handoff precision and
 * recall, the clarify rate and p50/p99 answer time. Exits non-zero below the floors.
 *
 * Run: npm run eval:bot [-- --verbose] [-- --skip-kfold]
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { isServiceTypeId } from '../../types/catalog-data'
import { answerWithModel } from '../features/chat/bot/bot'
import { loadCorpus, loadIntents } from '../features/chat/bot/bot-data'
import { corpusMessages, evaluate, FLOORS, type EvalReport, type LabelledMessage } from '../features/chat/bot/evaluation'
import { outOfFold, split, FOLDS } from '../features/chat/bot/training'
import { intentModel } from '../features/chat/bot/understand'

const intents = loadIntents()

/** Parse and validate the fixture so a typo in a label fails loudly instead of skewing numbers. */
function loadFixture(path: string): LabelledMessage[] {
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'))
  if (!Array.isArray(data)) throw new Error(`${path}: expected an array`)
  return data.map((row: unknown, i) => {
    const r = row as Record<string, unknown>
    const st = r.serviceType
    if (typeof r.text !== 'string' || typeof r.handoff !== 'boolean' || !(st === null || (typeof st === 'string' && isServiceTypeId(st)))) {
      throw new Error(`${path}: row ${i} is malformed`)
    }
    return { text: r.text, serviceType: st, handoff: r.handoff }
  })
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`

function print(name: string, r: EvalReport, verbose: boolean): void {
  console.log(`\n== ${name}: ${r.total} messages`)
  console.log(`service type ${pct(r.serviceTypeAccuracy)}${r.intentAccuracy === null ? '' : ` · intent ${pct(r.intentAccuracy)}`}`)
  console.log(`answered without asking: ${pct(r.answeredAccuracy)} right · clarify rate ${pct(r.clarifyRate)}`)
  console.log(`handoff precision ${pct(r.handoffPrecision)} · recall ${pct(r.handoffRecall)} · false handoffs ${pct(r.falseHandoffRate)}`)
  console.log(`answer time p50 ${r.p50Ms.toFixed(2)} ms · p99 ${r.p99Ms.toFixed(2)} ms`)
  const types = Object.keys(r.confusion).sort()
  const cols = [...new Set(types.flatMap((t) => Object.keys(r.confusion[t] ?? {})))].sort()
  console.log(`confusion (rows expected, columns got):\n  ${''.padEnd(10)}${cols.map((c) => c.padStart(10)).join('')}`)
  for (const t of types) console.log(`  ${t.padEnd(10)}${cols.map((c) => String(r.confusion[t]?.[c] ?? 0).padStart(10)).join('')}`)
  const per = (m: Record<string, { total: number; correct: number }>): string =>
    Object.entries(m)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, s]) => `  ${k.padEnd(32)} ${pct(s.correct / s.total).padStart(6)}  (${s.correct}/${s.total})`)
      .join('\n')
  console.log(`per service type:\n${per(r.byServiceType)}`)
  if (Object.keys(r.byIntent).length) console.log(`per intent:\n${per(r.byIntent)}`)
  if (verbose && r.mistakes.length) console.log(`mistakes:\n${r.mistakes.map((m) => `  - ${m}`).join('\n')}`)
}

function main(): void {
  const verbose = process.argv.includes('--verbose')
  const corpus = loadCorpus(intents)
  const { train, heldOut } = split(corpus)

  const held = evaluate(corpusMessages(heldOut, intents))
  print('held-out split (shipped model, never trained or tuned on)', held, verbose)

  if (!process.argv.includes('--skip-kfold')) {
    const oof = outOfFold(train)
    // Fold models share the shipped model's calibration, so the same thresholds apply.
    const { temperature } = intentModel()
    const byText = new Map(oof.map((o) => [o.utterance.text, { ...o.model, temperature }]))
    const kfold = evaluate(
      corpusMessages(
        oof.map((o) => o.utterance),
        intents,
      ),
      (text) => answerWithModel({ text }, byText.get(text)),
    )
    print(`${FOLDS}-fold cross-validation on the training split`, kfold, verbose)
  }

  const fixture = evaluate(loadFixture(resolve(__dirname, '../../test/fixtures/bot-eval.json')))
  print('test/fixtures/bot-eval.json', fixture, verbose)

  const failures = [
    held.serviceTypeAccuracy < FLOORS.serviceTypeAccuracy &&
      `held-out service type ${pct(held.serviceTypeAccuracy)} < ${pct(FLOORS.serviceTypeAccuracy)}`,
    held.handoffRecall < FLOORS.handoffRecall && `held-out handoff recall ${pct(held.handoffRecall)} < ${pct(FLOORS.handoffRecall)}`,
    held.falseHandoffRate > FLOORS.falseHandoffRate &&
      `held-out false handoffs ${pct(held.falseHandoffRate)} > ${pct(FLOORS.falseHandoffRate)}`,
  ].filter(Boolean)
  if (failures.length) {
    console.error(`\nFAIL: ${failures.join('; ')}`)
    process.exitCode = 1
  }
}

main()
