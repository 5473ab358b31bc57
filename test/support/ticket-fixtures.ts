import type { TicketDetail } from '@shared/ticket'

const NOACTIONS = { reply: false, confirm: false, reopen: false, rate: false, editRating: false, escalate: false }

/** A shopper-visible ticket with sensible defaults; override what a test is about. */
export function ticketFixture(over: Partial<TicketDetail> = {}): TicketDetail {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    ticketNo: 'T20261126000001',
    caseNo: 'KF-7Q3M-2H',
    serviceType: 'product',
    subtype: 'damaged',
    orderNo: '202611201234560001',
    productName: '陶瓷马克杯',
    purchasedAt: '2026-11-20',
    description: '杯子把手断了，包装盒也压坏了',
    outcome: 'exchange',
    contact: {},
    channel: 'app',
    attachments: [],
    status: 'in_progress',
    group: 'active',
    priority: 'normal',
    escalated: false,
    escalatedAt: null,
    reopenCount: 0,
    resolutionSummary: null,
    rating: null,
    createdAt: '2026-11-26T08:00:00Z',
    updatedAt: '2026-11-26T09:00:00Z',
    firstResponseDueAt: '2026-11-27T08:00:00Z',
    resolutionDueAt: '2026-11-29T08:00:00Z',
    firstRespondedAt: '2026-11-26T09:00:00Z',
    resolvedAt: null,
    closedAt: null,
    autoCloseAt: null,
    slaPaused: false,
    overdue: false,
    actions: { ...NOACTIONS },
    timeline: [
      {
        id: 'e1',
        type: 'created',
        actor: { role: 'shopper', name: '我' },
        text: null,
        attachments: [],
        fromStatus: null,
        toStatus: 'submitted',
        internal: false,
        createdAt: '2026-11-26T08:00:00Z',
      },
    ],
    ...over,
  }
}
