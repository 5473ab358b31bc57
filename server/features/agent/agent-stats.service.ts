import type { ChatMetrics, Overview, OverviewQuery, OverviewRange } from '../../../types/agent'
import type { Database, DatabaseKind } from '../../db/database'
import type { SlaPolicy } from '../tickets/ticket-sla'
import { ticketStats } from '../tickets/ticket-stats.service'
import * as repo from './agent-stats.repository'

const DAY = 86_400_000

/**
 * The window of a range: from local midnight (today, or six days before for 7d, so the week
 * includes today) to now, where "local" is `utcOffset` minutes east of UTC.
 */
export function rangeWindow(range: OverviewRange, now: Date, utcOffset: number): repo.Window {
  const local = now.getTime() + utcOffset * 60_000
  const midnight = local - (((local % DAY) + DAY) % DAY)
  const start = midnight - (range === '7d' ? 6 * DAY : 0) - utcOffset * 60_000
  return { since: new Date(start).toISOString(), until: now.toISOString() }
}

/** One decimal, or null when nothing was measured (pg returns numeric averages as strings). */
function round1(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null
  return Math.round(Number(value) * 10) / 10
}

async function chatMetrics(db: Database, kind: DatabaseKind, w: repo.Window): Promise<ChatMetrics> {
  const [counts, timings, ratings] = await Promise.all([
    repo.conversationCounts(db, w),
    repo.agentTimings(db, kind, w),
    repo.ratingAverages(db, w),
  ])
  const rating = (target: 'bot' | 'agent') => {
    const row = ratings.find((r) => r.target === target)
    return { average: round1(row?.average), count: Number(row?.count ?? 0) }
  }
  return {
    ...counts,
    averageQueueWaitMinutes: round1(timings.queueWait),
    averageFirstAgentResponseMinutes: round1(timings.firstResponse),
    botRating: rating('bot'),
    agentRating: rating('agent'),
  }
}

/** Chat and ticket figures for the agent overview over today or the last 7 days. */
export async function overview(
  db: Database,
  kind: DatabaseKind,
  sla: SlaPolicy,
  query: OverviewQuery,
  now = new Date(),
): Promise<Overview> {
  const range = query.range ?? 'today'
  const w = rangeWindow(range, now, query.utcOffset ?? -now.getTimezoneOffset())
  const [chats, tickets] = await Promise.all([chatMetrics(db, kind, w), ticketStats(db, w.since)])
  return {
    range,
    since: w.since,
    until: w.until,
    sla: { firstResponseHours: sla.firstResponseHours, resolutionHours: sla.resolutionHours },
    chats,
    tickets,
  }
}
