/**
 * Runs the benchmark suites in bench/suites (all, or those named: `npm run bench:suites -- first-load`)
 * and prints each measure with its baseline, ratio and goal. Pass `--json FILE` to keep them.
 */
import fs from 'node:fs'
import os from 'node:os'
import { suites } from './suites'
import type { Measure } from './lib/types'

function row(m: Measure): string {
  const base = m.baseline ? `${m.baseline.value} ${m.baseline.unit} (${m.baseline.title})` : '—'
  const ratio = m.ratio === null ? '—' : `${m.ratio.toFixed(2)}×`
  const met = m.met === null ? '' : m.met ? 'met' : 'MISSED'
  return `  ${m.title}\n    ${m.value} ${m.unit}  vs ${base}  ${ratio}  goal ${m.goal}  ${met}${m.note ? `\n    ${m.note}` : ''}`
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const jsonAt = args.indexOf('--json')
  const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : null
  const names = args.filter((a, i) => !a.startsWith('--') && i !== jsonAt + 1)
  const chosen = names.length ? suites.filter((s) => names.includes(s.id)) : suites
  const results: Array<{ suite: string; measures: Measure[] }> = []
  console.log(`Benchmarks on ${os.cpus().length} CPU(s), Node ${process.version}\n`)
  for (const s of chosen) {
    console.log(`${s.title} (${s.id})`)
    const measures = await s.run()
    for (const m of measures) console.log(row(m))
    results.push({ suite: s.id, measures })
  }
  if (jsonFile) fs.writeFileSync(jsonFile, JSON.stringify({ date: new Date().toISOString(), cpus: os.cpus().length, results }, null, 2))
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
