/** The q-quantile (0..1) of a list of numbers, nearest-rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

/** The middle value. */
export function median(values: number[]): number {
  return quantile(values, 0.5)
}

/** Rounds for the report: 3 significant digits at most. */
export function round(n: number): number {
  if (!Number.isFinite(n)) return n
  return Number(n.toPrecision(3))
}
