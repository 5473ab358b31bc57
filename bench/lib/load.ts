import autocannon from 'autocannon'

export interface Load {
  rps: number
  p99Ms: number
  failed: number
}

/** Requests per second against `url` over keep-alive connections, from this (the runner's) process. */
export async function measureRps(
  url: string,
  seconds: number,
  opts: {
    headers?: Record<string, string>
    method?: 'GET' | 'POST'
    /** Per request: a body and extra headers (a fresh idempotency key, another shopper's token). */
    each?: () => { body?: string; headers?: Record<string, string> }
    connections?: number
  } = {},
): Promise<Load> {
  const r = await autocannon({
    url,
    connections: opts.connections ?? 10,
    duration: seconds,
    headers: opts.headers ?? {},
    method: opts.method ?? 'GET',
    ...(opts.each
      ? {
          requests: [
            {
              setupRequest: (req: Record<string, unknown>) => {
                const extra = opts.each!()
                return { ...req, body: extra.body, headers: { ...(req.headers as Record<string, string>), ...extra.headers } }
              },
            },
          ],
        }
      : {}),
  })
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

/** Interleaves rounds of several loads and keeps each one's median, so a noisy neighbour weighs on all alike. */
export async function interleaved(rounds: number, loads: Array<() => Promise<Load>>): Promise<Load[]> {
  const results: Load[][] = loads.map(() => [])
  for (let i = 0; i < rounds; i++) for (const [k, load] of loads.entries()) results[k].push(await load())
  return results.map((list) => [...list].sort((a, b) => a.rps - b.rps)[Math.floor(list.length / 2)])
}
