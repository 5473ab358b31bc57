import type { Measure } from './types'

/** One suite's outcome in bench/results.json. */
export interface SuiteResult {
  id: string
  title: string
  ranAt: string
  seconds: number
  measures: Measure[]
  error?: string
}

/** bench/results.json. */
export interface Results {
  date: string
  seconds: number
  machine: { cpus: number; cpuModel: string; memoryGB: number; node: string; platform: string }
  suites: SuiteResult[]
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

function value(n: number, unit: string): string {
  return Number.isFinite(n) ? `${n} ${unit}` : '—'
}

function verdict(m: Measure): string {
  if (m.met === null) return '—'
  return m.met ? '✅ met' : '❌ missed'
}

/** docs/benchmarks.md: a table per suite (measure, baseline, ratio, goal, met, note). */
export function renderReport(r: Results): string {
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (`npm run bench -- <suite>` runs one suite; the others keep their',
    'last results). Every figure is compared with a baseline measured in the same run on the same',
    'machine: absolute numbers differ between machines, the ratios are what to compare. Servers run',
    'in their own processes; the load comes from the runner process.',
    '',
    `Last run: ${r.date} · ${r.machine.cpus} × ${r.machine.cpuModel} · ${r.machine.memoryGB} GB · Node ${r.machine.node} · ${r.machine.platform}`,
    '',
  ]
  for (const s of r.suites) {
    lines.push(`## ${s.title}`, '', `Suite \`${s.id}\`, run ${s.ranAt} (${s.seconds.toFixed(0)} s).`, '')
    if (s.error) lines.push(`**The suite failed:** ${cell(s.error)}`, '')
    if (s.measures.length === 0) continue
    lines.push('| measure | value | baseline | ratio | goal | met | note |', '| --- | --- | --- | --- | --- | --- | --- |')
    for (const m of s.measures) {
      const base = m.baseline ? `${m.baseline.title}: ${value(m.baseline.value, m.baseline.unit)}` : '—'
      const ratio = m.ratio === null ? '—' : `${m.ratio}×`
      lines.push(
        `| ${cell(m.title)} | ${value(m.value, m.unit)} | ${cell(base)} | ${ratio} | ${cell(m.goal || '—')} | ${verdict(m)} | ${cell(m.note ?? '')} |`,
      )
    }
    lines.push('')
  }
  return lines.join('\n')
}
