import {
  escalationBasis,
  formatDuration,
  formatRelative,
  slaLines,
  statusMeaning,
  whatChanged,
} from '@/features/tickets/ticket-status.helpers'
import { ticketFixture } from '../support/ticket-fixtures'

const NOW = new Date('2026-11-26T10:00:00Z')

describe('ticket status in plain words', () => {
  it('formats durations with the two largest units', () => {
    expect(formatDuration(8 * 60_000)).toBe('8 分钟')
    expect(formatDuration(3 * 3_600_000 + 12 * 60_000)).toBe('3 小时 12 分')
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000)).toBe('2 天 3 小时')
    expect(formatDuration(-5 * 3_600_000)).toBe('5 小时')
  })

  it('says when something happened relative to now', () => {
    expect(formatRelative('2026-11-26T09:59:30Z', NOW)).toBe('刚刚')
    expect(formatRelative('2026-11-26T09:15:00Z', NOW)).toBe('45 分钟前')
  })

  it('counts down first reply and resolution, flags overdue and pauses while waiting for the shopper', () => {
    const fresh = ticketFixture({ status: 'submitted', firstRespondedAt: null, firstResponseDueAt: '2026-11-26T08:00:00Z' })
    expect(slaLines(fresh, NOW)).toEqual([
      { label: '首次回复', text: '已超时 2 小时', late: true },
      { label: '解决时限', text: '剩余 2 天 22 小时', late: false },
    ])
    expect(slaLines(ticketFixture({ status: 'awaiting_customer', slaPaused: true }), NOW)).toEqual([
      { label: '解决时限', text: '等待您补充，时限暂停', late: false },
    ])
    expect(slaLines(ticketFixture({ status: 'closed' }), NOW)).toEqual([])
  })

  it('explains a resolved ticket and when it closes by itself', () => {
    expect(statusMeaning(ticketFixture({ status: 'resolved', autoCloseAt: '2026-12-03T10:00:00Z' }), NOW)).toBe(
      '客服已给出处理结果，请确认是否解决；7 天后将自动完成。',
    )
  })

  it('words the complaint offer by why it is allowed', () => {
    const actions = { ...ticketFixture().actions, escalate: true }
    expect(escalationBasis(ticketFixture())).toBeNull()
    expect(escalationBasis(ticketFixture({ actions, overdue: true }))).toBe('overdue')
    expect(escalationBasis(ticketFixture({ actions, reopenCount: 1 }))).toBe('reopened')
    const rating = { score: 2, comment: null, tags: [], ratedAt: '', updatedAt: '', editableUntil: '' }
    expect(escalationBasis(ticketFixture({ actions, rating }))).toBe('low_rating')
  })

  it('tells the shopper what changed between two loads, ignoring their own entries', () => {
    const before = ticketFixture()
    const mine = { ...before.timeline[0], id: 'm1', type: 'reply' as const }
    const agent = { ...mine, id: 'a1', actor: { role: 'agent' as const, name: '小艾' } }
    expect(whatChanged(before, ticketFixture({ timeline: [...before.timeline, mine] }))).toEqual([])
    expect(whatChanged(before, ticketFixture({ status: 'resolved', timeline: [...before.timeline, agent] }))).toEqual([
      '状态：处理中 → 已解决',
      '客服有 1 条新回复',
    ])
  })
})
