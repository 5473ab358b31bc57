import type { Overview, OverviewRange } from '@shared/agent'
import { request } from '@/lib/http'

/** Chat and ticket figures for today or the last 7 days, with days cut at this device's midnight. */
export function fetchOverview(range: OverviewRange, now: Date = new Date()): Promise<Overview> {
  return request<Overview>('/api/agent/overview', { scope: 'agent', query: { range, utcOffset: -now.getTimezoneOffset() } })
}
