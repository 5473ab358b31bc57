import { EventEmitter } from 'node:events'
import type { FastifyInstance } from 'fastify'

// One hub per app (keyed by its database handle), so test apps never hear each other.
const hubs = new WeakMap<object, EventEmitter>()
const closing = new WeakSet<object>()

function hubOf(db: object): EventEmitter {
  let hub = hubs.get(db)
  if (!hub) {
    hub = new EventEmitter()
    hub.setMaxListeners(0)
    hubs.set(db, hub)
  }
  return hub
}

/** True once the app is shutting down: waits answer at once. */
export function ticketWaitsClosing(db: object): boolean {
  return closing.has(db)
}

/** Resolves on the next ticket change in this instance, after `ms`, on abort, or at shutdown. */
export function nextTicketChange(db: object, ms: number, signal: AbortSignal): Promise<void> {
  const hub = hubOf(db)
  return new Promise((resolve) => {
    if (closing.has(db)) return resolve()
    const done = () => {
      clearTimeout(timer)
      hub.off('change', done)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    hub.on('change', done)
    signal.addEventListener('abort', done)
  })
}

/**
 * Announces every successful ticket write of these routes to waiting agents' workspaces, and
 * releases the waits when the app closes.
 */
export function announceTicketChanges(app: FastifyInstance): void {
  const hub = hubOf(app.db)
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && reply.statusCode < 400) hub.emit('change')
  })
  app.addHook('preClose', async () => {
    closing.add(app.db)
    hub.emit('change')
  })
}
