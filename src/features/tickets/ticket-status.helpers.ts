import { getServiceType, getSubtype } from '@shared/catalog-data'
import { RATING_TAGS, TICKET_STATUS_LABELS, type EscalationBasis, type TicketStatus } from '@shared/ticket-data'
import type { Ticket, TicketDetail, TimelineEvent } from '@shared/ticket'
import { named, ticketsText as tx } from './tickets.i18n'

const MIN = 60_000
const nameOr = (o: { zh: string; en: string } | undefined, id: string) => (o ? named(o) : id)
const HOUR = 60 * MIN
const DAY = 24 * HOUR

/** "2 天 3 小时", "3 小时 12 分", "8 分钟": the two largest units of a duration. */
export function formatDuration(ms: number): string {
  const m = Math.max(0, Math.round(Math.abs(ms) / MIN))
  if (m < 60) return tx.minutes(Math.max(1, m))
  const h = Math.floor(m / 60)
  if (h < 24) return tx.hoursMinutes(h, m % 60)
  const d = Math.floor(h / 24)
  return tx.daysHours(d, h % 24)
}

/** "刚刚", "5 分钟前", "昨天 14:05", "11-20 09:30": when something last happened. */
export function formatRelative(iso: string, now = new Date()): string {
  const t = new Date(iso)
  const diff = now.getTime() - t.getTime()
  if (diff < MIN) return tx.justNow
  if (diff < HOUR) return tx.minutesAgo(Math.floor(diff / MIN))
  const pad = (n: number) => String(n).padStart(2, '0')
  const hm = `${pad(t.getHours())}:${pad(t.getMinutes())}`
  const dayStart = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
  if (t.getTime() >= dayStart) return tx.today(hm)
  if (t.getTime() >= dayStart - DAY) return tx.yesterday(hm)
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
      return '工单已提交，正在等待客服受理。'
    case 'in_progress':
      return t.escalated ? '您的投诉已升级，主管正在跟进处理。' : '客服正在处理您的问题，有进展会第一时间告诉您。'
    case 'awaiting_customer':
      return '客服需要您补充信息，补充后会继续处理；等待期间处理时限暂停。'
    case 'resolved':
      return `客服已给出处理结果，请确认是否解决${t.autoCloseAt ? `；${formatDuration(Date.parse(t.autoCloseAt) - now.getTime())}后将自动完成` : ''}。`
    case 'closed':
      return '工单已完成，感谢您的耐心。'
  }
}

/** The SLA lines under the status: first reply and resolution, counting down or overdue. */
export function slaLines(t: Ticket, now = new Date()): { label: string; text: string; late: boolean }[] {
  const lines: { label: string; text: string; late: boolean }[] = []
  const left = (iso: string) => Date.parse(iso) - now.getTime()
  if (!t.firstRespondedAt && t.status !== 'closed') {
    const ms = left(t.firstResponseDueAt)
    lines.push({ label: '首次回复', text: ms >= 0 ? `剩余 ${formatDuration(ms)}` : `已超时 ${formatDuration(ms)}`, late: ms < 0 })
  }
  if (!t.resolvedAt && t.status !== 'closed' && t.status !== 'resolved') {
    const ms = left(t.resolutionDueAt)
    const text = t.slaPaused ? '等待您补充，时限暂停' : ms >= 0 ? `剩余 ${formatDuration(ms)}` : `已超时 ${formatDuration(ms)}`
    lines.push({ label: '解决时限', text, late: !t.slaPaused && ms < 0 })
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

const BASIS_TEXT: Record<EscalationBasis, string> = {
  overdue: '工单已超过处理时限',
  reopened: '问题重新打开后仍未解决',
  low_rating: '您对处理结果不满意',
}

/** The line shown above the 投诉 button. */
export function escalationHint(basis: EscalationBasis): string {
  return `${BASIS_TEXT[basis]}，可以投诉，主管将优先跟进。`
}

/** Title of a timeline entry as the shopper reads it. */
export function eventTitle(e: TimelineEvent): string {
  switch (e.type) {
    case 'created':
      return '提交工单'
    case 'accepted':
      return `${e.actor.name} 已受理`
    case 'status_changed':
      return e.toStatus ? `状态变为「${statusLabel(e.toStatus)}」` : '状态更新'
    case 'reply':
      return e.actor.role === 'shopper' ? '我的补充说明' : `${e.actor.name} 回复`
    case 'resolved':
      return '客服已给出处理结果'
    case 'confirmed':
      return '我确认已解决'
    case 'auto_closed':
      return '超时未确认，工单自动完成'
    case 'reopened':
      return '我反馈未解决'
    case 'rated':
      return '我的评价'
    case 'rating_updated':
      return '我修改了评价'
    case 'escalated':
      return '我发起了投诉'
    case 'contact_updated':
      return '联系方式已更新'
    case 'notified':
      return '已通知您'
    default:
      return '工单更新'
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
  if (prev.status !== next.status) changes.push(`状态：${statusLabel(prev.status)} → ${statusLabel(next.status)}`)
  const known = new Set(prev.timeline.map((e) => e.id))
  const fresh = next.timeline.filter((e) => !known.has(e.id) && e.actor.role !== 'shopper')
  const replies = fresh.filter((e) => e.type === 'reply').length
  if (replies) changes.push(`客服有 ${replies} 条新回复`)
  if (fresh.some((e) => e.type === 'resolved')) changes.push('客服给出了处理结果')
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
