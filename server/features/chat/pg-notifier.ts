import crypto from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import type { Client } from 'pg'
import type { ChatEventBus, RemoteTransport } from './chat.events'

const CHANNEL = 'chat_events'
const MAX_BACKOFF_MS = 10_000

interface Payload {
  conversationId: string
  seq: number
  origin: string
}

/**
 * Cross-instance fan-out over PostgreSQL LISTEN/NOTIFY on one dedicated client. Notifications
 * only say "conversation X reached seq N"; readers fetch from the database, so a notification
 * lost while the link is down merely delays them (and every waiter is woken on reconnect).
 */
export class PgNotifier implements RemoteTransport {
  private readonly origin = crypto.randomUUID()
  private client: Client | null = null
  private closed = false
  private retryTimer: NodeJS.Timeout | null = null
  private backoff = 250
  // pg clients run one query at a time; notifications queue up behind each other here.
  private sending: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly url: string,
    private readonly bus: ChatEventBus,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Connects and LISTENs; resolves once listening so a test can rely on delivery. */
  async start(): Promise<void> {
    const { Client } = await import('pg')
    const client = new Client({ connectionString: this.url })
    client.on('notification', (msg) => this.onNotification(msg.payload))
    client.on('error', (err) => this.onLost(client, err))
    client.on('end', () => this.onLost(client, null))
    await client.connect()
    await client.query(`LISTEN ${CHANNEL}`)
    if (this.closed) {
      await client.end().catch(() => undefined)
      return
    }
    this.client = client
    this.backoff = 250
  }

  /** Sends `{conversationId, seq}` to every instance; a failure only delays the others. */
  notify(conversationId: string, seq: number): void {
    const client = this.client
    if (!client) return
    const payload: Payload = { conversationId, seq, origin: this.origin }
    this.sending = this.sending
      .then(() => client.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(payload)]))
      .catch((err: unknown) => {
        this.log.warn({ err }, 'chat NOTIFY failed; other instances will catch up on their next poll')
      })
  }

  async close(): Promise<void> {
    this.closed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.retryTimer = null
    const client = this.client
    this.client = null
    await this.sending
    await client?.end().catch(() => undefined)
  }

  private onNotification(raw: string | undefined): void {
    try {
      const p = JSON.parse(raw ?? '') as Partial<Payload>
      if (typeof p.conversationId !== 'string' || p.origin === this.origin) return
      this.bus.deliver(p.conversationId)
    } catch {
      // A foreign or malformed payload on our channel is not ours to act on.
    }
  }

  private onLost(client: Client, err: Error | null): void {
    if (this.closed || this.client !== client) return
    this.client = null
    this.log.warn({ err }, 'chat LISTEN connection lost; reconnecting')
    client.end().catch(() => undefined)
    this.scheduleReconnect()
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      this.start()
        .then(() => this.bus.wakeAll())
        .catch((err: unknown) => {
          this.log.warn({ err }, 'chat LISTEN reconnect failed')
          this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS)
          this.scheduleReconnect()
        })
    }, this.backoff)
    this.retryTimer.unref()
  }
}
