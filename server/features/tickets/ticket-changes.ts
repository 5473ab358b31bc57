import { EventEmitter } from 'node:events'
import type { FastifyInstance } from 'fastify'

// One hub per app (keyed by its database handle), so test apps never hear each other.
const hubs = new WeakMap<object, EventEmitter>()

function hubOf(db: object): EventEmitter {
  let hub = hubs.get(db)
  if (!hub) {
    hub = new EventEmitter()
    hub.setMaxListeners(0)
    hubs.set(db, hub)
  }
  return hub
}

/** Resolves on the next ticket change in this instance, after `ms`, on abort, or at shutdown. */
export function nextTicketChange(db: object, ms: number, signal: AbortSignal): Promise<void> {
  const hub = hubOf(db)
  return new Promise((resolve) => {
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
    hub.emit('change')
  })
}
