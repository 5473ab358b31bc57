/**
 * Why a channel did not deliver, which decides what happens next:
 * - unreachable: this channel cannot reach the shopper (no grant, no address) → next channel now;
 * - retry: not delivered, may work later (busy, connection refused) → same channel after a backoff;
 * - rejected: not delivered and never will be on this channel → next channel;
 * - ambiguous: the provider may have delivered it (timeout mid-request) → never sent again.
 */
export type DeliveryFailure = 'unreachable' | 'retry' | 'rejected' | 'ambiguous'

/** Thrown by a channel that did not (knowingly) deliver a message. */
export class DeliveryError extends Error {
  constructor(
    readonly kind: DeliveryFailure,
    message: string,
  ) {
    super(message)
  }
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])

/** A network error that proves the request never reached the provider. */
export function neverReachedProvider(err: unknown): boolean {
  let e: unknown = err
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: string }).code
    if (code && NOT_SENT_CODES.has(code)) return true
    e = (e as { cause?: unknown }).cause
  }
  return false
}
