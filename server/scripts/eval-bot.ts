/**
 * Scores the service bot against the labelled shopper messages in
 * test/fixtures/bot-eval.json: service-type accuracy and handoff
 * precision/recall. Exits non-zero when accuracy drops below the bar or any
 * message that must reach an agent does not.
 *
 * Run: npx tsx server/scripts/eval-bot.ts [--verbose]
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isServiceTypeId, type ServiceTypeId } from '../../types/catalog-data'
import { answer } from '../features/chat/bot'

const MIN_ACCURACY = 0.9

interface Case {
  text: string
  serviceType: ServiceTypeId | null
  handoff: boolean
}

/** Parse and validate the fixture so a typo in a label fails loudly instead of skewing numbers. */
export function loadCases(path: string): Case[] {
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

/** Aggregate scores for a set of cases. */
export interface EvalResult {
  total: number
  accuracy: number
  handoffPrecision: number
  handoffRecall: number
  missedHandoffs: string[]
  mistakes: string[]
}

/** Run the bot over the cases and score it. */
export function evaluate(cases: readonly Case[]): EvalResult {
  let correct = 0
  let tp = 0
  let fp = 0
  let fn = 0
  const missedHandoffs: string[] = []
  const mistakes: string[] = []
  for (const c of cases) {
    const r = answer({ text: c.text })
    const typeOk = r.meta.serviceType === c.serviceType
    if (typeOk) correct++
    if (r.meta.handoff && c.handoff) tp++
    else if (r.meta.handoff && !c.handoff) fp++
    else if (!r.meta.handoff && c.handoff) {
      fn++
      missedHandoffs.push(c.text)
    }
    if (!typeOk || r.meta.handoff !== c.handoff) {
      mistakes.push(
        `${c.text}\n    expected type=${String(c.serviceType)} handoff=${c.handoff}; got type=${String(r.meta.serviceType)} handoff=${r.meta.handoff} intent=${r.meta.intent}`,
      )
    }
  }
  return {
    total: cases.length,
    accuracy: correct / Math.max(1, cases.length),
    // With no predicted handoffs there is nothing to be imprecise about.
    handoffPrecision: tp + fp === 0 ? 1 : tp / (tp + fp),
    handoffRecall: tp + fn === 0 ? 1 : tp / (tp + fn),
    missedHandoffs,
    mistakes,
  }
}

function main(): void {
  const here = dirname(fileURLToPath(import.meta.url))
  const fixture = resolve(here, '../../test/fixtures/bot-eval.json')
  const result = evaluate(loadCases(fixture))
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`
  console.log(`messages:             ${result.total}`)
  console.log(`service-type accuracy: ${pct(result.accuracy)}`)
  console.log(`handoff precision:     ${pct(result.handoffPrecision)}`)
  console.log(`handoff recall:        ${pct(result.handoffRecall)}`)
  if (
    result.mistakes.length > 0 &&
    (process.argv.includes('--verbose') || result.accuracy < MIN_ACCURACY || result.missedHandoffs.length > 0)
  ) {
    console.log('\nmistakes:')
    for (const m of result.mistakes) console.log(`  - ${m}`)
  }
  const failed = result.accuracy < MIN_ACCURACY || result.missedHandoffs.length > 0
  if (failed) {
    console.error(`\nFAIL: accuracy must be >= ${pct(MIN_ACCURACY)} and every handoff case must reach an agent`)
    process.exitCode = 1
  }
}

main()
