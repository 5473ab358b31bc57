import {
  autoCloseAt,
  autoCloseCutoff,
  initialDueTimes,
  isOverdue,
  slaAfterTransition,
  wasBreached,
  withFirstResponse,
  type SlaState,
} from '../../server/features/tickets/ticket-sla'

const policy = { firstResponseHours: 24, resolutionHours: 72, autoCloseDays: 7 }
const T0 = '2026-11-01T00:00:00.000Z'
const at = (hours: number) => new Date(Date.parse(T0) + hours * 3_600_000).toISOString()

function fresh(): SlaState {
  return { status: 'submitted', ...initialDueTimes(T0, policy), firstRespondedAt: null, awaitingSince: null, resolvedAt: null }
}

describe('ticket SLA', () => {
  it('sets the first response and resolution due times from the policy', () => {
    expect(initialDueTimes(T0, policy)).toEqual({ firstResponseDueAt: at(24), resolutionDueAt: at(72) })
    expect(initialDueTimes(T0, { ...policy, firstResponseHours: 2, resolutionHours: 8 })).toEqual({
      firstResponseDueAt: at(2),
      resolutionDueAt: at(8),
    })
  })

  it('is overdue when nobody answered within the first response time', () => {
    const s = fresh()
    expect(isOverdue(s, at(24))).toBe(false)
    expect(isOverdue(s, at(24.01))).toBe(true)
    expect(isOverdue(withFirstResponse(s, at(1)), at(30))).toBe(false)
  })

  it('keeps the first response time once recorded', () => {
    const s = withFirstResponse(withFirstResponse(fresh(), at(1)), at(5))
    expect(s.firstRespondedAt).toBe(at(1))
  })

  it('is overdue when work runs past the resolution time', () => {
    let s = withFirstResponse(slaAfterTransition(fresh(), 'in_progress', at(1), policy), at(1))
    expect(isOverdue(s, at(72))).toBe(false)
    expect(isOverdue(s, at(73))).toBe(true)
    s = slaAfterTransition(s, 'resolved', at(73), policy)
    expect(isOverdue(s, at(100))).toBe(false)
    expect(s.resolvedAt).toBe(at(73))
  })

  it('stops the resolution clock while waiting for the shopper and adds the wait when work resumes', () => {
    let s = withFirstResponse(slaAfterTransition(fresh(), 'in_progress', at(1), policy), at(1))
    s = slaAfterTransition(s, 'awaiting_customer', at(10), policy)
    expect(s.awaitingSince).toBe(at(10))
    expect(isOverdue(s, at(200))).toBe(false)
    s = slaAfterTransition(s, 'in_progress', at(40), policy)
    expect(s.awaitingSince).toBeNull()
    expect(s.resolutionDueAt).toBe(at(102))
    expect(isOverdue(s, at(101))).toBe(false)
    expect(isOverdue(s, at(103))).toBe(true)
  })

  it('gives a reopened ticket a fresh resolution window', () => {
    let s = withFirstResponse(slaAfterTransition(fresh(), 'in_progress', at(1), policy), at(1))
    s = slaAfterTransition(s, 'resolved', at(5), policy)
    s = slaAfterTransition(s, 'in_progress', at(100), policy)
    expect(s.resolvedAt).toBeNull()
    expect(s.resolutionDueAt).toBe(at(172))
    expect(isOverdue(s, at(150))).toBe(false)
  })

  it('knows a missed due time even after the fact', () => {
    const late = withFirstResponse(fresh(), at(30))
    expect(isOverdue(late, at(31))).toBe(false)
    expect(wasBreached(late, at(31))).toBe(true)
    const resolvedLate = { ...withFirstResponse(fresh(), at(1)), status: 'resolved' as const, resolvedAt: at(80) }
    expect(wasBreached(resolvedLate, at(81))).toBe(true)
    const onTime = { ...withFirstResponse(fresh(), at(1)), status: 'resolved' as const, resolvedAt: at(60) }
    expect(wasBreached(onTime, at(500))).toBe(false)
  })

  it('closes resolved tickets after the auto-close days', () => {
    expect(autoCloseAt({ status: 'resolved', resolvedAt: at(10) }, policy)).toBe(at(10 + 7 * 24))
    expect(autoCloseAt({ status: 'in_progress', resolvedAt: null }, policy)).toBeNull()
    expect(autoCloseCutoff(at(7 * 24), policy)).toBe(T0)
  })
})
