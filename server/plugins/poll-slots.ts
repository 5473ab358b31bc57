import type { FastifyInstance, FastifyRequest } from 'fastify'
import { HttpError } from './errors'

declare module 'fastify' {
  interface FastifyInstance {
    pollSlots: PollSlots
  }
}

/** Counts the long-polls each user holds open in this instance; extra ones are refused. */
export class PollSlots {
  private readonly held = new Map<string, number>()

  constructor(private readonly perUser: number) {}

  /** Takes a slot for the user or throws 429; call the returned function exactly once when done. */
  enter(userId: string): () => void {
    const n = this.held.get(userId) ?? 0
    if (n >= this.perUser) {
      throw new HttpError(
        429,
        'TOO_MANY_POLLS',
        `At most ${this.perUser} live updates per account at once; close another window or try again.`,
        undefined,
        { params: { max: this.perUser } },
      )
    }
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

  /** Long-polls currently held by a user. */
  count(userId: string): number {
    return this.held.get(userId) ?? 0
  }
}

/** One PollSlots per app, sized by config.limits.pollsPerUser. */
export function registerPollSlots(app: FastifyInstance): void {
  app.decorate('pollSlots', new PollSlots(app.config.limits.pollsPerUser))
}

/** Takes a long-poll slot for the signed-in caller of `req`. */
export function enterPoll(req: FastifyRequest): () => void {
  return req.server.pollSlots.enter(req.user!.id)
}
