const STATUS_LABELS: Record<string, string> = {
  submitted: '待受理',
  in_progress: '处理中',
  awaiting_customer: '待顾客补充',
  resolved: '已解决',
  closed: '已关闭',
}

/** The Chinese name of a ticket status; unknown ones pass through. */
export function ticketStatusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status
}
