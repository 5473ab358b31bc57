import type { Transaction } from 'kysely'
import { getSubtype } from '../../../types/catalog-data'
import type { DB } from '../../db/schema'
import { DEFAULT_LOCALE, type Locale } from '../../lib/locale'
import { text as t } from '../../lib/texts'
import { enqueueNotification } from '../notifications/notifications.repository'
import type { TicketRecord } from './tickets.repository'

export type ShopperNotice = 'accepted' | 'replied' | 'resolved'

const clip = (text: string, max = 100) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

// Tickets do not record the shopper's language; notices go out in the default one.
const locale: Locale = DEFAULT_LOCALE

function message(ticket: TicketRecord, event: ShopperNotice, text: string | null): { title: string; body: string } {
  const sub = getSubtype(ticket.subtype)
  const subtype = sub ? (locale === 'zh-CN' ? sub.zh : sub.en) : t(locale, 'notify.otherProblem')
  const what = t(locale, 'notify.ticket', { ticketNo: ticket.ticket_no, subtype })
  switch (event) {
    case 'accepted':
      return { title: t(locale, 'notify.accepted.title'), body: t(locale, 'notify.accepted.body', { what }) }
    case 'replied':
      return { title: t(locale, 'notify.replied.title'), body: text ? clip(text) : t(locale, 'notify.replied.body', { what }) }
    case 'resolved':
      return {
        title: t(locale, 'notify.resolved.title'),
        body: clip(text ? t(locale, 'notify.resolved.bodyWithText', { what, text }) : t(locale, 'notify.resolved.body', { what })),
      }
  }
}

// An email consultation is answered by email: its subject names the case, so a reply or a call
// to the hotline leads an agent to the whole history.
function withCase(ticket: TicketRecord, m: { title: string; body: string }) {
  return ticket.channel === 'email' && ticket.case_no
    ? { ...m, title: t(locale, 'notify.withCase', { title: m.title, caseNo: ticket.case_no }) }
    : m
}

/** Queues what the shopper must hear about, in the transaction that makes the change. */
export async function notifyShopper(trx: Transaction<DB>, ticket: TicketRecord, event: ShopperNotice, text: string | null): Promise<void> {
  await enqueueNotification(trx, {
    userId: ticket.user_id,
    ticketId: ticket.id,
    event,
    ...withCase(ticket, message(ticket, event, text)),
    contact: { email: ticket.contact_email, phone: ticket.contact_phone },
  })
}
