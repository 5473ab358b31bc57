import { rangeWindow } from '../../server/features/agent/agent-stats.service'

describe('overview range window', () => {
  it('starts today at local midnight east of UTC, even when UTC is still on the previous day', () => {
    // 2026-03-10 01:30 in Beijing is 2026-03-09 17:30 UTC.
    const now = new Date('2026-03-09T17:30:00.000Z')
    expect(rangeWindow('today', now, 480)).toEqual({ since: '2026-03-09T16:00:00.000Z', until: '2026-03-09T17:30:00.000Z' })
  })

  it('starts today at local midnight west of UTC', () => {
    const now = new Date('2026-03-10T03:00:00.000Z') // 2026-03-09 22:00 in New York (UTC-5)
    expect(rangeWindow('today', now, -300).since).toBe('2026-03-09T05:00:00.000Z')
  })

  it('covers today and the six days before it for 7d', () => {
    const now = new Date('2026-03-01T08:00:00.000Z')
    expect(rangeWindow('7d', now, 0).since).toBe('2026-02-23T00:00:00.000Z')
    expect(rangeWindow('7d', now, 480).since).toBe('2026-02-22T16:00:00.000Z')
  })

  it('treats exactly midnight as the start of the new day', () => {
    const now = new Date('2026-03-01T00:00:00.000Z')
    expect(rangeWindow('today', now, 0).since).toBe('2026-03-01T00:00:00.000Z')
  })
})
