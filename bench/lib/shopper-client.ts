import { setMaxListeners } from 'node:events'
import http from 'node:http'

/** One keep-alive agent per role, so the bench's own connection handling stays out of the figures. */
export const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity })

/** A JSON request over `agent`; resolves with status and parsed body. */
export function request<T = unknown>(
  url: string,
  opts: { method?: string; token?: string; body?: unknown; headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body))
    const req = http.request(
      url,
      {
        method: opts.method ?? 'GET',
        agent,
        signal: opts.signal,
        headers: {
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          try {
            resolve({ status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : null) as T })
          } catch (err) {
            reject(err)
          }
        })
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(payload)
  })
}

export interface PollAnswer {
  messages: Array<{ seq: number; clientMsgId?: string | null }>
  conversation: { id: string; lastSeq?: number }
}

let sent = 0
/** A unique clientMsgId. */
export function clientMsgId(): string {
  sent += 1
  return `b-${process.pid}-${sent}-${Math.random().toString(36).slice(2, 8)}`
}

/** Sends one text message as the shopper; returns its seq. */
export async function send(base: string, token: string, text = '请问我的快递到哪了'): Promise<number> {
  const res = await request<{ seq: number }>(`${base}/api/chat/messages`, {
    method: 'POST',
    token,
    body: { clientMsgId: clientMsgId(), kind: 'text', text },
  })
  if (res.status !== 200) throw new Error(`send: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.seq
}

/** One long-poll for messages after `after`, held up to `wait` seconds. */
export async function poll(base: string, token: string, after: number, wait: number, signal?: AbortSignal): Promise<PollAnswer> {
  const res = await request<PollAnswer>(`${base}/api/chat/messages?after=${after}&wait=${wait}`, { token, signal })
  if (res.status !== 200) throw new Error(`poll: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/** The highest seq in a poll answer, or `after` when it brought none. */
export function lastSeq(answer: PollAnswer, after: number): number {
  return answer.messages.reduce((m, x) => Math.max(m, x.seq), after)
}

/**
 * Shoppers that keep a long-poll open like the app does (answer → poll again), until stopped.
 * Each has opened its conversation first.
 */
export class WaitingShoppers {
  private readonly ac = new AbortController()
  private readonly loops: Promise<void>[] = []
  /** Resolvers waiting for a shopper's next poll answer (the wake-time probe). */
  private readonly woke = new Map<string, (at: number) => void>()
  errors = 0

  constructor(
    private readonly base: string,
    private readonly wait = 25,
  ) {
    // One signal stops every shopper's poll.
    setMaxListeners(0, this.ac.signal)
  }

  /** Starts one waiting shopper per token. */
  start(tokens: string[], after: Map<string, number>): void {
    for (const token of tokens) this.loops.push(this.loop(token, after.get(token) ?? 0))
  }

  private async loop(token: string, after: number): Promise<void> {
    let seq = after
    while (!this.ac.signal.aborted) {
      try {
        const answer = await poll(this.base, token, seq, this.wait, this.ac.signal)
        seq = lastSeq(answer, seq)
        const wake = this.woke.get(token)
        if (wake && answer.messages.length > 0) {
          this.woke.delete(token)
          wake(performance.now())
        }
      } catch {
        if (this.ac.signal.aborted) return
        this.errors++
      }
    }
  }

  /** Resolves with the time the shopper's poll next brings news. */
  nextWake(token: string): Promise<number> {
    return new Promise((resolve) => this.woke.set(token, resolve))
  }

  async stop(): Promise<void> {
    this.ac.abort()
    await Promise.allSettled(this.loops)
  }
}

/** Opens each shopper's conversation (the first poll answers at once with the greeting); returns each one's last seq. */
export async function openConversations(base: string, tokens: string[], parallel = 20): Promise<Map<string, number>> {
  const seqs = new Map<string, number>()
  let next = 0
  const worker = async () => {
    while (next < tokens.length) {
      const token = tokens[next++]
      seqs.set(token, lastSeq(await poll(base, token, 0, 0), 0))
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker))
  return seqs
}
