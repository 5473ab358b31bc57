import { getServiceType, getSubtype } from '@shared/catalog-data'
import { RATING_TAGS, TICKET_STATUS_LABELS, type EscalationBasis, type TicketStatus } from '@shared/ticket-data'
import type { Ticket, TicketDetail, TimelineEvent } from '@shared/ticket'
import { named, t as tx } from '@/lib/i18n'

const MIN = 60_000
const nameOr = (o: { zh: string; en: string } | undefined, id: string) => (o ? named(o) : id)
const HOUR = 60 * MIN
const DAY = 24 * HOUR

/** "2 天 3 小时", "3 小时 12 分", "8 分钟": the two largest units of a duration. */
export function formatDuration(ms: number): string {
  const m = Math.max(0, Math.round(Math.abs(ms) / MIN))
  if (m < 60) return tx('tickets.minutes', { n: Math.max(1, m) })
  const h = Math.floor(m / 60)
  if (h < 24) return tx('tickets.hoursMinutes', { h, m: m % 60 })
  const d = Math.floor(h / 24)
  return tx('tickets.daysHours', { d, h: h % 24 })
}

/** "刚刚", "5 分钟前", "昨天 14:05", "11-20 09:30": when something last happened. */
export function formatRelative(iso: string, now = new Date()): string {
  const t = new Date(iso)
  const diff = now.getTime() - t.getTime()
  if (diff < MIN) return tx('tickets.justNow')
  if (diff < HOUR) return tx('tickets.minutesAgo', { n: Math.floor(diff / MIN) })
  const pad = (n: number) => String(n).padStart(2, '0')
  const hm = `${pad(t.getHours())}:${pad(t.getMinutes())}`
  const dayStart = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
  if (t.getTime() >= dayStart) return tx('tickets.today', { hm })
  if (t.getTime() >= dayStart - DAY) return tx('tickets.yesterday', { hm })
  return `${t.getFullYear() === now.getFullYear() ? '' : `${t.getFullYear()}-`}${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${hm}`
}

/** Status label in the shopper's language. */
export function statusLabel(s: TicketStatus): string {
  return named(TICKET_STATUS_LABELS[s])
}

/** What the status means for the shopper, in plain words. */
export function statusMeaning(t: Pick<Ticket, 'status' | 'autoCloseAt' | 'escalated'>, now = new Date()): string {
  switch (t.status) {
    case 'submitted':
      return tx('tickets.meaning.submitted')
    case 'in_progress':
      return t.escalated ? tx('tickets.meaning.inProgressEscalated') : tx('tickets.meaning.inProgress')
    case 'awaiting_customer':
      return tx('tickets.meaning.awaitingCustomer')
    case 'resolved':
      return t.autoCloseAt
        ? tx('tickets.meaningResolvedAuto', { autoClose: formatDuration(Date.parse(t.autoCloseAt) - now.getTime()) })
        : tx('tickets.meaningResolved')
    case 'closed':
      return tx('tickets.meaning.closed')
  }
}

/** The SLA lines under the status: first reply and resolution, counting down or overdue. */
export function slaLines(t: Ticket, now = new Date()): { label: string; text: string; late: boolean }[] {
  const lines: { label: string; text: string; late: boolean }[] = []
  const left = (iso: string) => Date.parse(iso) - now.getTime()
  const countdown = (ms: number) =>
    ms >= 0 ? tx('tickets.timeLeft', { d: formatDuration(ms) }) : tx('tickets.overdueBy', { d: formatDuration(ms) })
  if (!t.firstRespondedAt && t.status !== 'closed') {
    const ms = left(t.firstResponseDueAt)
    lines.push({ label: tx('tickets.firstReply'), text: countdown(ms), late: ms < 0 })
  }
  if (!t.resolvedAt && t.status !== 'closed' && t.status !== 'resolved') {
    const ms = left(t.resolutionDueAt)
    lines.push({
      label: tx('tickets.resolutionDue'),
      text: t.slaPaused ? tx('tickets.slaPaused') : countdown(ms),
      late: !t.slaPaused && ms < 0,
    })
  }
  return lines
}

/** "商品 · 损坏": the row and header title. */
export function ticketTitle(t: Pick<Ticket, 'serviceType' | 'subtype'>): string {
  return `${nameOr(getServiceType(t.serviceType), t.serviceType)} · ${nameOr(getSubtype(t.subtype), t.subtype)}`
}

/** Why the shopper may complain now (decides the 投诉 wording), or null. */
export function escalationBasis(t: Ticket): EscalationBasis | null {
  if (!t.actions.escalate) return null
  if (t.rating && t.rating.score <= 2) return 'low_rating'
  if (t.reopenCount > 0) return 'reopened'
  return 'overdue'
}

/** The line shown above the 投诉 button. */
export function escalationHint(basis: EscalationBasis): string {
  return tx('tickets.escalationHint', { basis: tx(`tickets.basis.${basis}`) })
}

/** Title of a timeline entry as the shopper reads it. */
export function eventTitle(e: TimelineEvent): string {
  switch (e.type) {
    case 'accepted':
      return tx('tickets.eventAccepted', { name: e.actor.name })
    case 'status_changed':
      return e.toStatus ? tx('tickets.eventStatus', { status: statusLabel(e.toStatus) }) : tx('tickets.events.statusUpdated')
    case 'reply':
      return e.actor.role === 'shopper' ? tx('tickets.events.myReply') : tx('tickets.eventReply', { name: e.actor.name })
    case 'created':
    case 'resolved':
    case 'confirmed':
    case 'auto_closed':
    case 'reopened':
    case 'rated':
    case 'rating_updated':
    case 'escalated':
    case 'contact_updated':
    case 'notified':
    case 'self_service':
    case 'image_blocked':
      return tx(`tickets.events.${e.type}`)
    default:
      return tx('tickets.events.other')
  }
}

/** Names of rating tags in the shopper's language. */
export function ratingTagLabel(id: string): string {
  return nameOr(
    RATING_TAGS.find((t) => t.id === id),
    id,
  )
}

/** What changed between two loads of a ticket, as short sentences ("客服有 1 条新回复"). */
export function whatChanged(prev: TicketDetail, next: TicketDetail): string[] {
  const changes: string[] = []
  if (prev.status !== next.status)
    changes.push(tx('tickets.changedStatus', { from: statusLabel(prev.status), to: statusLabel(next.status) }))
  const known = new Set(prev.timeline.map((e) => e.id))
  const fresh = next.timeline.filter((e) => !known.has(e.id) && e.actor.role !== 'shopper')
  const replies = fresh.filter((e) => e.type === 'reply').length
  if (replies) changes.push(tx('tickets.changedReplies', { n: replies }))
  if (fresh.some((e) => e.type === 'resolved')) changes.push(tx('tickets.changedResolved'))
  return changes
}

/** A file path from the API as something <Image> can load (the mini-program needs the absolute origin). */
export function fileUrl(url: string, base: string): string {
  return /^(https?:|blob:|data:|wxfile:)/.test(url) ? url : `${base}${url}`
}

/** Score and comment of a rating entry, whose text reads "2/5 comment". */
export function ratingOfEvent(text: string | null): { score: number; comment: string } | null {
  const m = /^([1-5])\/5(?:\s+([\s\S]*))?$/.exec(text ?? '')
  return m ? { score: Number(m[1]), comment: m[2] ?? '' } : null
}
