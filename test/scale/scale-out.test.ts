import { Redis } from 'ioredis'
import { multipart, png } from '../support/images'
import { send, startCluster, type Answer, type Cluster } from '../support/scale-cluster'
import { killHard } from '../support/server-process'

interface Shopper {
  id: string
  headers: Record<string, string>
}
interface Message {
  seq: number
  sender: string
  text: string | null
  clientMsgId: string | null
}

let nextAddress = 1
/** A made-up public address per shopper, carried in X-Forwarded-For as nginx does for a real phone. */
function address(): string {
  nextAddress += 1
  return `198.51.100.${nextAddress}`
}

/** Retries through resets and 5xx (an instance going away) like the app's outbox; any other refusal fails. */
async function untilAccepted(attempt: () => Promise<Answer>): Promise<Answer> {
  let last = ''
  for (let n = 0; ; n++) {
    try {
      const res = await attempt()
      if (res.status < 300) return res
      last = `${res.status}: ${res.body.toString()}`
      if (res.status < 500) throw new Error(`refused ${last}`)
    } catch (err) {
      if ((err as Error).message.startsWith('refused')) throw err
      last = last || (err as Error).message
    }
    if (n > 200) throw new Error(`gave up after 200 attempts; last answer ${last}`)
    // The client's back-off before retrying, not a wait for the server.
    await new Promise((resolve) => setTimeout(resolve, Math.min(20 * 2 ** n, 300)))
  }
}

describe('scale-out: nginx in front of three instances on one PostgreSQL and one Redis', () => {
  let cluster: Cluster
  let redis: Redis
  const port = (instance: number) => cluster.instances[instance - 1].port

  beforeAll(async () => {
    cluster = await startCluster(3)
    redis = new Redis(cluster.redisUrl)
  })
  afterAll(async () => {
    redis?.disconnect()
    await cluster?.stop()
  })

  async function signIn(via: number, xff = address()): Promise<Shopper> {
    const res = await send(via, 'POST', '/api/auth/guest', { 'x-forwarded-for': xff }, {})
    expect(res.status).toBe(200)
    const body = res.json<{ token: string; user: { id: string } }>()
    return { id: body.user.id, headers: { authorization: `Bearer ${body.token}`, 'x-forwarded-for': xff } }
  }

  const say = (via: number, s: Shopper, text: string, clientMsgId = `m-${Math.random().toString(36).slice(2)}`) =>
    send(via, 'POST', '/api/chat/messages', s.headers, { clientMsgId, kind: 'text', text })

  const poll = (via: number, s: Shopper, after: number, wait: number) =>
    send(via, 'GET', `/api/chat/messages?after=${after}&wait=${wait}`, s.headers)

  /** Highest seq the shopper's conversation holds now. */
  async function lastSeq(via: number, s: Shopper): Promise<number> {
    const res = await poll(via, s, 0, 0)
    expect(res.status).toBe(200)
    const { messages } = res.json<{ messages: Message[] }>()
    return Math.max(0, ...messages.map((m) => m.seq))
  }

  /** Resolves once the shopper holds `n` long-polls, as counted in Redis by whichever instance holds them. */
  async function untilPollsHeld(s: Shopper, n: number): Promise<void> {
    for (let turn = 0; (await redis.zcount(`${cluster.redisPrefix}polls:${s.id}`, Date.now(), '+inf')) < n; turn++) {
      if (turn > 200_000) throw new Error('the long-poll was never held')
      await new Promise((resolve) => setImmediate(resolve))
    }
  }

  it('shares the per-address sign-in limit across the instances instead of tripling it', async () => {
    // The test stands where nginx stands (a proxy the instances trust) and names the phone's address.
    const phone = address()
    const signInFrom = (instance: number, xff: string) => send(port(instance), 'POST', '/api/auth/guest', { 'x-forwarded-for': xff }, {})
    const codes: number[] = []
    // 30 a minute per address: ten through each instance, then the next one anywhere is refused.
    for (let i = 0; i < 30; i++) codes.push((await signInFrom((i % 3) + 1, phone)).status)
    expect(codes).toEqual(Array(30).fill(200))
    for (const i of [1, 2, 3]) {
      const refused = await signInFrom(i, phone)
      expect(refused.status).toBe(429)
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('RATE_LIMITED')
    }
    // Another phone is not affected.
    expect((await signInFrom(2, address())).status).toBe(200)
  })

  it('serves an upload made through instance 1 from instance 2 and through nginx', async () => {
    const s = await signIn(port(1))
    const bytes = png(12, 8)
    const { payload, headers } = multipart([{ field: 'file', filename: '订单截图.png', contentType: 'image/png', data: bytes }])
    const created = await send(port(1), 'POST', '/api/uploads', { ...s.headers, ...headers }, payload)
    expect(created.status).toBe(201)
    const { id } = created.json<{ id: string }>()
    for (const via of [port(2), port(3), cluster.nginxPort]) {
      const file = await send(via, 'GET', `/api/uploads/${id}`, s.headers)
      expect(file.status).toBe(200)
      expect(file.headers['content-type']).toBe('image/png')
      expect(file.body.equals(bytes)).toBe(true)
    }
  })

  it('wakes a long-poll held on instance 3 when the message is sent through instance 1', async () => {
    const s = await signIn(port(1))
    expect((await say(port(1), s, '你好')).status).toBe(200)
    const after = await lastSeq(port(3), s)
    const held = poll(port(3), s, after, 25)
    await untilPollsHeld(s, 1)
    const sent = await say(port(1), s, '我的快递到哪了')
    expect(sent.status).toBe(200)
    const woken = await held
    expect(woken.status).toBe(200)
    const texts = woken.json<{ messages: Message[] }>().messages.map((m) => m.text)
    expect(texts).toContain('我的快递到哪了')
  })

  it('loses and doubles nothing while an instance is killed mid-run; long-polls carry on by re-polling', async () => {
    const SENDS = 30
    const KILL_AFTER = 4
    const s = await signIn(cluster.nginxPort)
    const idle = await signIn(cluster.nginxPort)

    // A second shopper's poll held on the instance that is about to die.
    expect((await say(cluster.nginxPort, idle, '你好')).status).toBe(200)
    const idleAfter = await lastSeq(cluster.nginxPort, idle)
    const doomedPoll = poll(port(2), idle, idleAfter, 30).then(
      (res) => res.status,
      () => 'connection lost',
    )
    await untilPollsHeld(idle, 1)

    // The shopper's own live view through nginx: poll, take what came, poll again after it.
    const seen = new Map<number, Message>()
    let done = false
    let target = Infinity
    let caughtUp: () => void = () => undefined
    const allSeen = new Promise<void>((resolve) => (caughtUp = resolve))
    const watcher = (async () => {
      let after = 0
      while (!done) {
        try {
          const res = await poll(cluster.nginxPort, s, after, 5)
          // A poll cut off by the kill: poll again, like the app does.
          if (res.status !== 200) continue
          for (const m of res.json<{ messages: Message[] }>().messages) seen.set(m.seq, m)
          after = Math.max(after, ...seen.keys())
          if (seen.has(target)) caughtUp()
        } catch {
          // Same: the connection went away with the instance.
        }
      }
    })()

    let killNow: () => void = () => undefined
    const killPoint = new Promise<void>((resolve) => (killNow = resolve))
    const sender = (async () => {
      for (let i = 0; i < SENDS; i++) {
        await untilAccepted(() => say(cluster.nginxPort, s, `第 ${i} 条`, `scale-${s.id.slice(0, 8)}-${i}`))
        if (i + 1 === KILL_AFTER) killNow()
      }
    })()
    await Promise.race([killPoint, sender])
    const doomed = cluster.instances[1].child
    await killHard(doomed)
    expect(doomed.signalCode).toBe('SIGKILL')
    await sender

    // The poll on the dead instance broke; the shopper polls again through nginx and hears news.
    expect(await doomedPoll).toBe('connection lost')
    const again = poll(cluster.nginxPort, idle, idleAfter, 25)
    await untilPollsHeld(idle, 1)
    expect((await say(cluster.nginxPort, idle, '还在吗')).status).toBe(200)
    const revived = await again
    expect(revived.status).toBe(200)
    expect(revived.json<{ messages: Message[] }>().messages.map((m) => m.text)).toContain('还在吗')

    // Everything stored, once each, in order, with no gap — and the live view saw all of it.
    const history = await send(cluster.nginxPort, 'GET', '/api/chat/messages?after=0&wait=0&limit=100', s.headers)
    expect(history.status).toBe(200)
    const { messages: stored, hasMore } = history.json<{ messages: Message[]; hasMore: boolean }>()
    expect(hasMore).toBe(false)
    const mine = stored.filter((m) => m.sender === 'shopper').map((m) => m.text)
    expect(mine).toEqual(Array.from({ length: SENDS }, (_v, i) => `第 ${i} 条`))
    const seqs = stored.map((m) => m.seq)
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_v, i) => i + 1))
    target = seqs[seqs.length - 1]
    // The watcher may be waiting in a poll already answered up to the end: this wakes it once more.
    if (seen.has(target)) caughtUp()
    await allSeen
    done = true
    await watcher
    expect([...seen.keys()].sort((a, b) => a - b)).toEqual(seqs)
  })
})
