/** How many failed sign-ins are free, when backoff starts doubling, and when the door locks. */
export interface GuardPolicy {
  free: number
  lockAfter: number
  lockSeconds: number
  windowSeconds: number
}

/** Per username: three tries, then 2 s, 4 s … up to ten, then 15 minutes shut. */
export const USERNAME_POLICY: GuardPolicy = { free: 3, lockAfter: 10, lockSeconds: 900, windowSeconds: 900 }
/** Per address: more room for a shared office network, the same shape. */
export const ADDRESS_POLICY: GuardPolicy = { free: 10, lockAfter: 40, lockSeconds: 900, windowSeconds: 900 }

export interface GuardVerdict {
  waitSeconds: number
  locked: boolean
}

/**
 * Seconds a caller must wait before the next attempt, given the times (ms) of the
 * failures since the last success inside the policy's window, newest last.
 */
export function signInWait(failures: number[], now: number, policy: GuardPolicy): GuardVerdict {
  const recent = failures.filter((t) => now - t < policy.windowSeconds * 1000)
  const n = recent.length
  if (n < policy.free) return { waitSeconds: 0, locked: false }
  const last = Math.max(...recent)
  const locked = n >= policy.lockAfter
  const delay = locked ? policy.lockSeconds : Math.min(2 ** (n - policy.free + 1), policy.lockSeconds)
  const wait = Math.ceil((last + delay * 1000 - now) / 1000)
  return { waitSeconds: Math.max(0, wait), locked: locked && wait > 0 }
}
