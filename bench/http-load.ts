import autocannon from 'autocannon'

export interface Load {
  rps: number
  p99Ms: number
  failed: number
}

/** Requests per second against `url` over loopback keep-alive connections. */
export async function measureRps(url: string, seconds: number, headers: Record<string, string> = {}): Promise<Load> {
  const r = await autocannon({ url, connections: 10, duration: seconds, headers })
  return { rps: r.requests.average, p99Ms: r.latency.p99, failed: r.errors + r.non2xx }
}

/** Mean time of `fn` over repeated calls for about `ms` milliseconds (after a short warm-up). */
export async function meanMs(fn: () => Promise<void>, ms: number): Promise<{ meanMs: number; runs: number }> {
  for (let i = 0; i < 20; i++) await fn()
  const start = performance.now()
  let runs = 0
  while (performance.now() - start < ms) {
    await fn()
    runs++
  }
  return { meanMs: (performance.now() - start) / runs, runs }
}
