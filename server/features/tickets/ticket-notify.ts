import type { Transaction } from 'kysely'
import { getSubtype } from '../../../types/catalog-data'
import type { DB } from '../../db/schema'
import { enqueueNotification } from '../notifications/notifications.repository'
import type { TicketRecord } from './tickets.repository'

export type ShopperNotice = 'accepted' | 'replied' | 'resolved'

const clip = (text: string, max = 100) => (text.length > max ? `${text.slice(0, max - 1)}…` : text)

function message(ticket: TicketRecord, event: ShopperNotice, text: string | null): { title: string; body: string } {
  const what = `工单 ${ticket.ticket_no}（${getSubtype(ticket.subtype)?.zh ?? '售后问题'}）`
  switch (event) {
    case 'accepted':
      return { title: '工单已受理', body: `您的${what}已由客服受理，我们会尽快处理。` }
    case 'replied':
      return { title: '客服回复了您的工单', body: text ? clip(text) : `客服在您的${what}中发来了新消息。` }
    case 'resolved':
      return { title: '工单已解决', body: clip(`您的${what}已处理完成${text ? `：${text}` : '。'}请确认结果或为服务评分。`) }
  }
}

// An email consultation is answered by email: its subject names the case, so a reply or a call
// to the hotline leads an agent to the whole history.
function withCase(ticket: TicketRecord, m: { title: string; body: string }) {
  return ticket.channel === 'email' && ticket.case_no ? { ...m, title: `${m.title}（案件号 ${ticket.case_no}）` } : m
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
