import type { FastifyInstance } from 'fastify'
import { current, pollShopper } from '../support/chat'
import { buildTestApp, guest } from '../support/server'
import { agentHours } from '../../server/features/chat/chat.hours'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

/** A one-hour service window that does not hold the present hour (China time), so it is "closed" now. */
function closedNow(): { openHour: number; closeHour: number } {
  const hour = new Date(Date.now() + 8 * 3_600_000).getUTCHours()
  return hour <= 21 ? { openHour: hour + 1, closeHour: hour + 2 } : { openHour: 0, closeHour: 1 }
}

async function tapHandoff(app: FastifyInstance) {
  const me = await guest(app)
  await current(app, me)
  const res = await app.inject({ method: 'POST', url: '/api/chat/handoff', headers: { authorization: me.authorization }, payload: {} })
  expect(res.statusCode).toBe(200)
  expect(res.json().status).toBe('queued')
  return (await pollShopper(app, me, 'after=1')).messages
}

describe(`转人工 tapped, in and out of service hours (${dbName})`, () => {
  it('says the service hours and offers a ticket and the hotline, like typing 转人工 does', async () => {
    const app = await buildTestApp()
    try {
      const messages = await tapHandoff(app)
      expect(messages[0]).toMatchObject({ sender: 'bot', meta: { intent: 'general.human', handoffReason: 'handoff.request' } })
      expect(messages[0].text).toContain('9:00–21:00')
      expect(messages[0].meta!.quickReplies.map((q) => q.action)).toEqual(expect.arrayContaining(['ticket', 'faq']))
      expect(messages.some((m) => m.kind === 'event' && m.event?.type === 'queued')).toBe(true)
      expect(messages.some((m) => m.meta?.intent === 'handoff.out_of_hours')).toBe(false)
    } finally {
      await app.close()
    }
  })

  it('outside service hours also says when a person will answer, keeping the place in the queue', async () => {
    const hours = closedNow()
    const app = await buildTestApp({ chat: { idleMinutes: 30, sweepSeconds: 60, agentHours: hours } })
    try {
      const messages = await tapHandoff(app)
      const note = messages.find((m) => m.meta?.intent === 'handoff.out_of_hours')
      expect(note?.text).toContain(`${hours.openHour}:00`)
      expect(note?.text).toContain('95188')
      expect(note?.meta?.quickReplies.map((q) => q.action)).toEqual(['ticket', 'faq'])
    } finally {
      await app.close()
    }
  })
})

describe('service hours', () => {
  const at = (iso: string) => agentHours(new Date(iso), { openHour: 9, closeHour: 21 })
  it('counts in China time and names the next opening', () => {
    // 02:00 UTC = 10:00 in Beijing.
    expect(at('2026-12-01T02:00:00Z')).toMatchObject({ open: true })
    expect(at('2026-12-01T13:30:00Z')).toMatchObject({ open: false, opensTomorrow: true, opensAt: new Date('2026-12-02T01:00:00Z') })
    expect(at('2026-11-30T20:00:00Z')).toMatchObject({ open: false, opensTomorrow: false, opensAt: new Date('2026-12-01T01:00:00Z') })
  })
})
