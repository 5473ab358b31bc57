import type { AgentConversation } from '@shared/chat'
import { t, type MessageKey } from '@/lib/i18n'

type Window = NonNullable<AgentConversation['wechatWindow']>

/** Time left as an agent reads it: minutes below an hour, else whole hours. */
export function timeLeft(endsAt: string, now: Date): string {
  const ms = Math.max(new Date(endsAt).getTime() - now.getTime(), 0)
  if (ms < 3600_000) return t('agent.wechat.minutes', { n: Math.max(Math.ceil(ms / 60_000), 1) })
  return t('agent.wechat.hours', { n: Math.floor(ms / 3600_000) })
}

/** The line the workspace shows about WeChat's reply window. */
export function windowLine(w: Window, now: Date): string {
  if (w.open && w.endsAt) return t('agent.wechat.windowOpen', { time: timeLeft(w.endsAt, now), n: w.repliesLeft })
  const stillOpen = w.endsAt !== null && new Date(w.endsAt).getTime() > now.getTime()
  return stillOpen && w.repliesLeft === 0 ? t('agent.wechat.windowLimited') : t('agent.wechat.windowClosed')
}

/** The text an agent copies to ask the shopper to continue in the mini-program's chat. */
export function askText(caseNo: string | null): string {
  return t('agent.wechat.askText', { case: caseNo ? t('agent.wechat.askCase', { caseNo }) : '' })
}

/** True when WeChat would refuse a reply now (the composer is replaced by the fallbacks). */
export function replyBlocked(conv: Pick<AgentConversation, 'channel' | 'wechatWindow'> | null | undefined): boolean {
  return conv?.channel === 'wechat' && !!conv.wechatWindow && !conv.wechatWindow.open
}

const ENTRY_PAGES: Record<string, MessageKey> = {
  'pages/help/index': 'agent.wechat.pageHelp',
  'pages/chat/index': 'agent.wechat.pageChat',
  'pages/tickets/index': 'agent.wechat.pageTickets',
  'pages/ticket/new/index': 'agent.wechat.pageTicketNew',
  'pages/ticket/detail/index': 'agent.wechat.pageTicketDetail',
}

/** "Came from: …" for the mini-program page the shopper opened WeChat's service chat from. */
export function entryLine(page: string | undefined): string | null {
  if (!page) return null
  const path = page.replace(/^\/+/, '').split('?')[0]
  const key = ENTRY_PAGES[path]
  return t('agent.wechat.entryPage', { page: key ? t(key) : path })
}
