import { TICKET_STATUSES, type TicketStatus } from '../../../types/ticket-data'
import type { TicketStats } from '../../../types/ticket'
import type { Database } from '../../db/database'
import { isOverdue } from './ticket-sla'
import { statsRows } from './tickets.query'

const DAY = 86_400_000
const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000

function average(values: number[]): number | null {
  if (values.length === 0) return null
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10
}

/** Counts and averages for the agent overview, over tickets created since `since` (default 30 days). */
export async function ticketStats(db: Database, since?: string): Promise<TicketStats> {
  const now = new Date().toISOString()
  const from = since ?? new Date(Date.now() - 30 * DAY).toISOString()
  const rows = await statsRows(db, new Date(from).toISOString())
  const byStatus = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<TicketStatus, number>
  for (const r of rows) byStatus[r.status] += 1
  const sla = (r: (typeof rows)[number]) => ({
    status: r.status,
    firstResponseDueAt: r.first_response_due_at,
    resolutionDueAt: r.resolution_due_at,
    firstRespondedAt: r.first_responded_at,
    awaitingSince: r.awaiting_since,
    resolvedAt: r.resolved_at,
  })
  const rated = rows.filter((r) => r.rating_score !== null)
  return {
    since: new Date(from).toISOString(),
    total: rows.length,
    byStatus,
    overdue: rows.filter((r) => isOverdue(sla(r), now)).length,
    escalated: rows.filter((r) => r.escalated_at !== null).length,
    averageRating: average(rated.map((r) => r.rating_score!)),
    ratedCount: rated.length,
    averageFirstResponseMinutes: average(rows.filter((r) => r.first_responded_at).map((r) => minutes(r.created_at, r.first_responded_at!))),
    averageResolutionMinutes: average(rows.filter((r) => r.resolved_at).map((r) => minutes(r.created_at, r.resolved_at!))),
  }
}
