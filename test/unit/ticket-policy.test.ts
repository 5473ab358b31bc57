import { initialDueTimes } from '../../server/features/tickets/ticket-sla'
import { escalationBasis, ratingEditableUntil, shopperActions, type PolicyState } from '../../server/features/tickets/ticket-policy'

const T0 = '2026-11-01T00:00:00.000Z'
const at = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString()

function ticket(over: Partial<PolicyState> = {}): PolicyState {
  return {
    status: 'in_progress',
    ...initialDueTimes(T0, { firstResponseHours: 24, resolutionHours: 72, autoCloseDays: 7 }),
    firstRespondedAt: at(1),
    awaitingSince: null,
    resolvedAt: null,
    reopenCount: 0,
    escalatedAt: null,
    ratingScore: null,
    ratedAt: null,
    ...over,
  }
}

describe('shopper ticket policy', () => {
  it('lets the shopper reply only while the ticket is open', () => {
    expect(shopperActions(ticket({ status: 'submitted', firstRespondedAt: null }), at(2)).reply).toBe(true)
    expect(shopperActions(ticket({ status: 'awaiting_customer' }), at(2)).reply).toBe(true)
    expect(shopperActions(ticket({ status: 'resolved', resolvedAt: at(3) }), at(4)).reply).toBe(false)
    expect(shopperActions(ticket({ status: 'closed', resolvedAt: at(3) }), at(4)).reply).toBe(false)
  })

  it('offers confirm and reopen only on resolved tickets', () => {
    const resolved = shopperActions(ticket({ status: 'resolved', resolvedAt: at(3) }), at(4))
    expect([resolved.confirm, resolved.reopen]).toEqual([true, true])
    const working = shopperActions(ticket(), at(4))
    expect([working.confirm, working.reopen]).toEqual([false, false])
  })

  it('allows one rating after resolution, editable for 24 hours', () => {
    expect(shopperActions(ticket(), at(4)).rate).toBe(false)
    expect(shopperActions(ticket({ status: 'closed', resolvedAt: at(3) }), at(4)).rate).toBe(true)
    const rated = ticket({ status: 'closed', resolvedAt: at(3), ratingScore: 4, ratedAt: at(5) })
    expect(shopperActions(rated, at(6))).toMatchObject({ rate: false, editRating: true })
    expect(shopperActions(rated, at(29)).editRating).toBe(false)
    expect(ratingEditableUntil(at(5))).toBe(at(29))
  })

  it('allows escalation only when overdue, reopened or rated 2 or less', () => {
    expect(escalationBasis(ticket(), at(10))).toBeNull()
    expect(escalationBasis(ticket({ firstRespondedAt: null, status: 'submitted' }), at(25))).toBe('overdue')
    expect(escalationBasis(ticket(), at(73))).toBe('overdue')
    expect(escalationBasis(ticket({ reopenCount: 1 }), at(10))).toBe('reopened')
    const closed = { status: 'closed' as const, resolvedAt: at(3) }
    expect(escalationBasis(ticket({ ...closed, ratingScore: 2, ratedAt: at(4) }), at(5))).toBe('low_rating')
    expect(escalationBasis(ticket({ ...closed, ratingScore: 3, ratedAt: at(4) }), at(5))).toBeNull()
  })

  it('allows escalation once', () => {
    const t = ticket({ reopenCount: 1 })
    expect(shopperActions(t, at(5)).escalate).toBe(true)
    expect(shopperActions({ ...t, escalatedAt: at(5) }, at(6)).escalate).toBe(false)
  })
})
