import {
  TICKET_CHANNEL_LABELS,
  TICKET_STATUS_LABELS,
  type TicketChannel,
  type TicketStatus,
  type TimelineEventType,
} from '@shared/ticket-data'

/** Where a ticket came from, in Chinese ("email" → "邮件咨询"); unknown ones pass through. */
export function ticketChannelLabel(channel: string): string {
  return channel in TICKET_CHANNEL_LABELS ? TICKET_CHANNEL_LABELS[channel as TicketChannel].zh : channel
}

/** The Chinese name of a ticket status; unknown ones pass through. */
export function ticketStatusLabel(status: string): string {
  return status in TICKET_STATUS_LABELS ? TICKET_STATUS_LABELS[status as TicketStatus].zh : status
}

/** A status move an agent may make, and what it needs from them. */
export interface AgentMove {
  to: TicketStatus
  label: string
  /** message: text shown to the shopper (asking for more); summary: the resolution summary. */
  needs: 'none' | 'message' | 'summary'
}

const MOVES: Record<TicketStatus, AgentMove[]> = {
  submitted: [{ to: 'in_progress', label: '受理', needs: 'none' }],
  in_progress: [
    { to: 'awaiting_customer', label: '请顾客补充', needs: 'message' },
    { to: 'resolved', label: '解决并结单', needs: 'summary' },
  ],
  awaiting_customer: [{ to: 'in_progress', label: '继续处理', needs: 'none' }],
  resolved: [],
  closed: [],
}

/** The moves of the status machine an agent may make from `status`. */
export function agentMoves(status: TicketStatus): AgentMove[] {
  return MOVES[status] ?? []
}

const EVENT_LABELS: Record<TimelineEventType, string> = {
  created: '提交工单',
  accepted: '客服受理',
  status_changed: '状态变更',
  reply: '回复',
  internal_note: '内部备注',
  resolved: '已解决',
  confirmed: '顾客确认解决',
  auto_closed: '自动关闭',
  reopened: '重新打开',
  rated: '评价',
  rating_updated: '修改评价',
  escalated: '投诉升级',
  contact_updated: '更新联系方式',
  notified: '已通知顾客',
  self_service: '顾客自助操作',
  image_blocked: '图片未通过安全检查',
}

/** The Chinese name of a timeline entry. */
export function timelineLabel(type: TimelineEventType): string {
  return EVENT_LABELS[type] ?? type
}

/** Time left until `dueIso` ("剩 5 小时"), or how late it is ("超时 2 小时"). */
export function dueLabel(dueIso: string, now: number = Date.now()): { text: string; late: boolean } {
  const diff = Date.parse(dueIso) - now
  const hours = Math.floor(Math.abs(diff) / 3_600_000)
  const span =
    hours >= 24
      ? `${Math.floor(hours / 24)} 天 ${hours % 24} 小时`
      : hours >= 1
        ? `${hours} 小时`
        : `${Math.max(1, Math.floor(Math.abs(diff) / 60_000))} 分钟`
  return diff >= 0 ? { text: `剩 ${span}`, late: false } : { text: `超时 ${span}`, late: true }
}
