// The subset of autocannon's API the benchmarks use (the package ships no type declarations).
declare module 'autocannon' {
  interface Options {
    url: string
    connections?: number
    duration?: number
    headers?: Record<string, string>
    method?: 'GET' | 'POST'
    requests?: Array<{ setupRequest?: (req: Record<string, unknown>) => Record<string, unknown> }>
  }
  interface Result {
    requests: { average: number; total: number }
    latency: { p50: number; p99: number }
    errors: number
    non2xx: number
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
