import crypto from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Redis } from 'ioredis'
import { MAX_POLL_WAIT_SECONDS } from '../../types/chat-data'
import { HttpError } from './errors'

declare module 'fastify' {
  interface FastifyInstance {
    pollSlots: PollSlots
  }
}

/** Counts the long-polls each user holds open; extra ones are refused. */
export interface PollSlots {
  /** Takes a slot for the user or throws 429; call the returned function exactly once when done. */
  enter(userId: string): Promise<() => void>
  /** Long-polls currently held by a user. */
  count(userId: string): Promise<number>
}

function tooMany(perUser: number): HttpError {
  return new HttpError(
    429,
    'TOO_MANY_POLLS',
    `At most ${perUser} live updates per account at once; close another window or try again.`,
    undefined,
    { params: { max: perUser } },
  )
}

/** Slots of this process only: right for one instance. */
export class LocalPollSlots implements PollSlots {
  private readonly held = new Map<string, number>()

  constructor(private readonly perUser: number) {}

  async enter(userId: string): Promise<() => void> {
    const n = this.held.get(userId) ?? 0
    if (n >= this.perUser) throw tooMany(this.perUser)
    this.held.set(userId, n + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const left = (this.held.get(userId) ?? 1) - 1
      if (left <= 0) this.held.delete(userId)
      else this.held.set(userId, left)
    }
  }

  async count(userId: string): Promise<number> {
    return this.held.get(userId) ?? 0
  }
}

// A sorted set per user: member = one held poll, score = when it lapses. Expired members are
// dropped first, so the slots of an instance that died mid-poll free themselves.
const ENTER = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`

/** Slots shared by every instance through Redis. */
export class RedisPollSlots implements PollSlots {
  /** A poll answers within MAX_POLL_WAIT_SECONDS; a slot older than this belongs to a dead instance. */
  private readonly leaseMs = (MAX_POLL_WAIT_SECONDS + 30) * 1000

  constructor(
    private readonly redis: Redis,
    private readonly perUser: number,
    private readonly prefix: string,
  ) {}

  private key(userId: string): string {
    return `${this.prefix}polls:${userId}`
  }

  async enter(userId: string): Promise<() => void> {
    const now = Date.now()
    const slot = crypto.randomUUID()
    const key = this.key(userId)
    let ok: unknown
    try {
      ok = await this.redis.eval(ENTER, 1, key, now, now + this.leaseMs, this.perUser, slot, this.leaseMs)
    } catch {
      // Redis unreachable: serve the poll uncounted, as the rate limits do, rather than fail live updates.
      return () => undefined
    }
    if (ok !== 1) throw tooMany(this.perUser)
    let released = false
    return () => {
      if (released) return
      released = true
      // A failed release only keeps the slot until its lease runs out.
      this.redis.zrem(key, slot).catch(() => undefined)
    }
  }

  async count(userId: string): Promise<number> {
    return this.redis.zcount(this.key(userId), Date.now(), '+inf')
  }
}

/** One PollSlots per app, sized by config.limits.pollsPerUser; shared through Redis when it is configured. */
export function registerPollSlots(app: FastifyInstance): void {
  const perUser = app.config.limits.pollsPerUser
  const slots: PollSlots = app.redis ? new RedisPollSlots(app.redis, perUser, app.config.redisPrefix) : new LocalPollSlots(perUser)
  app.decorate('pollSlots', slots)
}

/** Takes a long-poll slot for the signed-in caller of `req`. */
export function enterPoll(req: FastifyRequest): Promise<() => void> {
  return req.server.pollSlots.enter(req.user!.id)
}
