import type { FastifyInstance } from 'fastify'
import type { Database } from '../../db/database'
import { applyMove, event, SYSTEM, withLockedTicket } from './ticket-core'
import { autoCloseCutoff, type SlaPolicy } from './ticket-sla'
import { transition } from './ticket-status'
import * as repo from './tickets.repository'

const BATCH = 200

/**
 * Closes tickets resolved more than the auto-close days ago that the shopper neither confirmed
 * nor reopened. Each ticket is re-checked under its lock, so a sweep racing a reopen (or another
 * instance's sweep) changes nothing twice. Returns how many were closed.
 */
export async function autoCloseResolved(db: Database, sla: SlaPolicy, now: Date = new Date()): Promise<number> {
  const at = now.toISOString()
  const cutoff = autoCloseCutoff(at, sla)
  let closed = 0
  for (;;) {
    const ids = await repo.resolvedBefore(db, cutoff, BATCH)
    let progressed = 0
    for (const id of ids) {
      const done = await withLockedTicket(db, id, undefined, async (trx, t) => {
        if (!transition(t.status, 'closed', 'system').ok || !t.resolved_at || t.resolved_at > cutoff) return false
        await applyMove(trx, t, 'closed', at, sla)
        await repo.appendEvents(trx, t.id, [event(SYSTEM, at, 'auto_closed', { from: t.status, to: 'closed' })])
        return true
      })
      if (done) progressed += 1
    }
    closed += progressed
    if (ids.length < BATCH || progressed === 0) return closed
  }
}

/** Runs the auto-close sweep every `intervalMs` while the app is up (0 turns it off). */
export function startTicketSweep(app: FastifyInstance, intervalMs: number): void {
  if (intervalMs <= 0) return
  let running = false
  const timer = setInterval(() => {
    if (running) return
    running = true
    autoCloseResolved(app.db, app.config.tickets.sla)
      .then((n) => n > 0 && app.log.info({ closed: n }, 'auto-closed resolved tickets'))
      .catch((err: unknown) => app.log.error({ err }, 'ticket auto-close sweep failed'))
      .finally(() => {
        running = false
      })
  }, intervalMs)
  timer.unref()
  app.addHook('onClose', async () => clearInterval(timer))
}
