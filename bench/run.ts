/**
 * `npm run bench [suite …]`: runs every suite (or the named ones) and writes bench/results.json
 * and docs/benchmarks.md. Servers run in child processes and the load comes from this one;
 * every figure is compared with a baseline measured in the same run, since absolute numbers
 * vary between machines. Suites not run this time keep their previous results in the report.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { format } from 'prettier'
import { stopPostgres } from './lib/pg'
import { renderReport, type Results, type SuiteResult } from './lib/report'
import { suites } from './suites'

const ROOT = path.resolve(__dirname, '..')
const RESULTS = path.join(ROOT, 'bench', 'results.json')
const REPORT = path.join(ROOT, 'docs', 'benchmarks.md')

function machine(): Results['machine'] {
  const cpus = os.cpus()
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
  }
}

function previous(): SuiteResult[] {
  try {
    return (JSON.parse(fs.readFileSync(RESULTS, 'utf8')) as Results).suites
  } catch {
    return []
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2)
  const unknown = wanted.filter((id) => !suites.some((s) => s.id === id))
  if (unknown.length > 0) {
    console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${suites.map((s) => s.id).join(', ')}`)
    process.exit(2)
  }
  const chosen = wanted.length > 0 ? suites.filter((s) => wanted.includes(s.id)) : suites
  const kept = new Map(previous().map((s) => [s.id, s]))
  const started = Date.now()
  console.log(`Benchmarks on ${os.cpus().length} CPU(s), Node ${process.version}: ${chosen.map((s) => s.id).join(', ')}`)
  try {
    for (const suite of chosen) {
      const t0 = Date.now()
      process.stdout.write(`\n${suite.id}: ${suite.title}\n`)
      let result: SuiteResult
      try {
        const measures = await suite.run()
        result = { id: suite.id, title: suite.title, ranAt: new Date().toISOString(), seconds: (Date.now() - t0) / 1000, measures }
      } catch (err) {
        console.error(err)
        result = {
          id: suite.id,
          title: suite.title,
          ranAt: new Date().toISOString(),
          seconds: (Date.now() - t0) / 1000,
          measures: [],
          error: String(err),
        }
      }
      for (const m of result.measures) {
        const base = m.baseline ? `  vs ${m.baseline.value} ${m.baseline.unit}` : ''
        const verdict = m.met === null ? '' : m.met ? '  ✓' : '  ✗'
        console.log(`  ${m.title}: ${m.value} ${m.unit}${base}${m.ratio !== null ? `  (${m.ratio}×)` : ''}${verdict}`)
      }
      kept.set(suite.id, result)
    }
  } finally {
    stopPostgres()
  }
  const order = suites.map((s) => s.id)
  const results: Results = {
    date: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    machine: machine(),
    suites: [...kept.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)),
  }
  fs.writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n')
  // Formatted like every other file of the repository, so `npm run lint` accepts the report as written.
  fs.writeFileSync(REPORT, await format(renderReport(results), { parser: 'markdown', filepath: REPORT }))
  console.log(`\nwrote ${path.relative(ROOT, RESULTS)} and ${path.relative(ROOT, REPORT)} in ${results.seconds.toFixed(0)} s`)
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
