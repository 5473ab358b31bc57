/** One figure of the benchmark report, with the baseline it is compared with in the same run. */
export interface Measure {
  id: string // stable, e.g. 'overhead.auth-read'
  title: string // human title, e.g. 'Authenticated read (GET /api/auth/me)'
  value: number
  unit: string // 'req/s', 'ms', 'MB', 'KB', 'x'
  baseline: { title: string; value: number; unit: string } | null
  ratio: number | null // value / baseline.value (or as the goal reads)
  goal: string // e.g. '≥ 60 % of bare Fastify', 'p99 ≤ 50 ms'
  met: boolean | null // null when there is no goal
  note?: string // what limits it when missed, or how it was measured
}
/** A group of measures the runner executes in order. */
export interface BenchSuite {
  id: string
  title: string
  run(): Promise<Measure[]>
}
