import type { SessionUser } from '../../../types/auth'

interface Entry {
  user: SessionUser
  /** The earlier of the cache lifetime and the session's own expiry (ms since epoch). */
  until: number
}

/**
 * Live sessions remembered for a few seconds, so a request does not pay a database lookup for a
 * token it just saw. Only found sessions are kept (made-up tokens cannot fill it); the oldest
 * entry goes first when it is full. Revoking through this instance forgets the token at once;
 * another instance's revocation reaches this one within `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>()
  /** Tokens forgotten lately: a lookup that began before the revocation must not cache them again. */
  private readonly revoked = new Map<string, number>()

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  /** Whether caching is on (SESSION_CACHE_MS > 0). */
  get enabled(): boolean {
    return this.ttlMs > 0
  }

  /** The cached user for a token hash, or undefined when unknown or stale. */
  get(tokenHash: string, now = Date.now()): SessionUser | undefined {
    const entry = this.entries.get(tokenHash)
    if (!entry) return undefined
    if (entry.until <= now) {
      this.entries.delete(tokenHash)
      return undefined
    }
    return entry.user
  }

  /** Remembers a live session until min(now + ttl, its expiry). */
  set(tokenHash: string, user: SessionUser, expiresAtMs: number, now = Date.now()): void {
    if (!this.enabled) return
    const revokedUntil = this.revoked.get(tokenHash)
    if (revokedUntil !== undefined) {
      if (revokedUntil > now) return
      this.revoked.delete(tokenHash)
    }
    this.entries.delete(tokenHash)
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next()
      if (!oldest.done) this.entries.delete(oldest.value)
    }
    this.entries.set(tokenHash, { user, until: Math.min(now + this.ttlMs, expiresAtMs) })
  }

  /** Forgets a token (logout, revocation). */
  delete(tokenHash: string, now = Date.now()): void {
    this.entries.delete(tokenHash)
    if (!this.enabled) return
    for (const [hash, until] of this.revoked) {
      if (until > now) break
      this.revoked.delete(hash)
    }
    this.revoked.set(tokenHash, now + this.ttlMs)
  }

  get size(): number {
    return this.entries.size
  }
}
