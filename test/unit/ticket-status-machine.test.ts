import { TICKET_STATUSES, type TicketStatus } from '../../types/ticket-data'
import { allowedTargets, transition, type TransitionActor } from '../../server/features/tickets/ticket-status'

// The whole machine written out as a table: [from, to, actor] → action. Every other triple is illegal.
const LEGAL: Record<string, string> = {
  'submitted>in_progress>agent': 'accept',
  'in_progress>awaiting_customer>agent': 'ask',
  'awaiting_customer>in_progress>agent': 'resume',
  'awaiting_customer>in_progress>shopper': 'supplement',
  'in_progress>resolved>agent': 'resolve',
  'resolved>closed>shopper': 'confirm',
  'resolved>closed>system': 'auto_close',
  'resolved>in_progress>shopper': 'reopen',
}

const ACTORS: TransitionActor[] = ['shopper', 'agent', 'system']
const triples: [TicketStatus, TicketStatus, TransitionActor][] = []
for (const from of TICKET_STATUSES) for (const to of TICKET_STATUSES) for (const actor of ACTORS) triples.push([from, to, actor])

describe('ticket status machine', () => {
  it('covers all 5 × 5 × 3 moves', () => {
    expect(triples).toHaveLength(75)
  })

  it.each(triples)('%s → %s by %s', (from, to, actor) => {
    const expected = LEGAL[`${from}>${to}>${actor}`]
    const result = transition(from, to, actor)
    if (expected) {
      expect(result).toEqual({ ok: true, action: expected })
    } else {
      expect(result).toEqual({ ok: false, status: from })
    }
  })

  it('never allows staying in the same status or leaving closed', () => {
    for (const s of TICKET_STATUSES) for (const a of ACTORS) expect(transition(s, s, a).ok).toBe(false)
    for (const a of ACTORS) expect(allowedTargets('closed', a)).toEqual([])
  })

  it('lists the targets each actor may pick', () => {
    expect(allowedTargets('submitted', 'agent')).toEqual(['in_progress'])
    expect(allowedTargets('in_progress', 'agent').sort()).toEqual(['awaiting_customer', 'resolved'])
    expect(allowedTargets('awaiting_customer', 'agent')).toEqual(['in_progress'])
    expect(allowedTargets('resolved', 'agent')).toEqual([])
    expect(allowedTargets('resolved', 'shopper').sort()).toEqual(['closed', 'in_progress'])
    expect(allowedTargets('resolved', 'system')).toEqual(['closed'])
    expect(allowedTargets('submitted', 'shopper')).toEqual([])
  })
})
