import { SERVICE_TYPES, SLA_DEFAULTS, type ServiceTypeId } from '@shared/catalog-data'
import type { FaqCategory } from '@shared/help'

export interface CategoryTab {
  id: FaqCategory
  zh: string
  en: string
}

/** FAQ tabs: the catalog's service types, then entries that belong to none. */
export const FAQ_CATEGORIES: readonly CategoryTab[] = [
  ...SERVICE_TYPES.map((t) => ({ id: t.id, zh: t.zh, en: t.en })),
  { id: 'general', zh: '其他', en: 'Other' },
]

/** The ticket form, prefilled with a service type when one is known. */
export function ticketUrl(serviceType?: FaqCategory | null): string {
  const base = '/pages/ticket/new/index'
  if (!serviceType || serviceType === 'general') return base
  return `${base}?serviceType=${encodeURIComponent(serviceType)}`
}

/** The chat tab (a tab page: reached with switchTab, which takes no query). */
export const CHAT_URL = '/pages/chat/index'
export const TICKETS_URL = '/pages/tickets/index'

/** Splits a duration into the unit a shopper thinks in: hours below two days, else days. */
export function humanDuration(hours: number): { value: number; unit: 'hours' | 'days' } {
  if (hours < 48) return { value: hours, unit: 'hours' }
  return { value: Math.round(hours / 24), unit: 'days' }
}

/** Expected first reply and resolution times from the catalog's service levels. */
export function expectedTimes(sla: { firstResponseHours: number; resolutionHours: number } = SLA_DEFAULTS) {
  return { firstReply: humanDuration(sla.firstResponseHours), resolution: humanDuration(sla.resolutionHours) }
}

/**
 * The `sessionFrom` of WeChat's contact button: who is asking and about which order, so the
 * agent console can open the shopper's context. WeChat caps it at 1000 bytes.
 */
export function contactSessionFrom(ctx: {
  userId?: string | null
  orderNo?: string | null
  serviceType?: ServiceTypeId | null
  caseNo?: string | null
  /** The page the shopper opened WeChat's service chat from. */
  page?: string | null
}): string {
  const parts = ['sd', `uid=${ctx.userId ?? ''}`]
  if (ctx.caseNo) parts.push(`case=${ctx.caseNo}`)
  if (ctx.orderNo) parts.push(`order=${ctx.orderNo}`)
  if (ctx.serviceType) parts.push(`type=${ctx.serviceType}`)
  if (ctx.page) parts.push(`page=${ctx.page}`)
  return parts.join('|').slice(0, 1000)
}

/** Where the message card sent into WeChat service leads back to (the order's help). */
export function orderMessagePath(orderNo: string): string {
  return `/pages/ticket/new/index?orderNo=${encodeURIComponent(orderNo)}`
}

/** The page a message card about a ticket opens (the agent sees it as a link to the ticket). */
export function ticketMessagePath(ticketId: string): string {
  return `/pages/ticket/detail/index?id=${encodeURIComponent(ticketId)}`
}

const TAB_PAGES = new Set(['pages/help/index', 'pages/chat/index', 'pages/tickets/index'])

/**
 * Where to go when the shopper taps a card in WeChat's service chat (bindcontact's path and
 * query): only this app's pages; tab pages are switched to (they take no query).
 */
export function contactReturn(detail: { path?: string; query?: Record<string, string> } | undefined): { url: string; tab: boolean } | null {
  const path = (detail?.path ?? '').replace(/^\//, '').replace(/\.html$/, '')
  if (!/^pages\/[a-z0-9/-]+$/.test(path)) return null
  if (TAB_PAGES.has(path)) return { url: `/${path}`, tab: true }
  const query = new URLSearchParams(detail?.query ?? {}).toString()
  return { url: query ? `/${path}?${query}` : `/${path}`, tab: false }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/

/** True for an address worth sending a reply to. */
export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim())
}

/** The 邮件咨询 form, filed as a ticket whose replies go to `email`. */
export interface EmailForm {
  email: string
  subtype: string
  orderNo: string
  productName: string
  description: string
}
