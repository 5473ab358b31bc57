import Taro from '@tarojs/taro'
import type { GuestSession, Session } from '@shared/auth'
import { apiBase, isWeapp } from './platform'
import { storage } from './storage'

/** Shoppers and agents sign in separately, so one browser can hold both sessions at once. */
export type SessionScope = 'shopper' | 'agent'

const SESSION_KEYS: Record<SessionScope, string> = { shopper: 'sd.session', agent: 'sd.session.agent' }
const DEVICE_KEY = 'sd.device'

const sessions: Record<SessionScope, Session | null> = {
  shopper: storage.get<Session>(SESSION_KEYS.shopper),
  agent: storage.get<Session>(SESSION_KEYS.agent),
}
let pending: Promise<Session> | null = null

class SignInError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message)
  }
}

async function post<T>(path: string, data: unknown): Promise<T> {
  const res = await Taro.request<T>({ url: `${apiBase}${path}`, method: 'POST', data, header: { 'content-type': 'application/json' } })
  if (res.statusCode !== 200) {
    const body = res.data as unknown as { error?: { code?: string; message?: string } }
    throw new SignInError(body?.error?.code, body?.error?.message ?? `sign-in failed (${res.statusCode})`)
  }
  return res.data
}

/**
 * Guest sign-in with the single-use secret the server gave this browser last time (older
 * builds kept a self-made id under the same key; the server accepts it once). The new
 * secret is stored before the session is used, so a lost answer only costs one retry.
 */
async function signInAsGuest(): Promise<Session> {
  const stored = storage.get<string>(DEVICE_KEY)
  let session: GuestSession
  try {
    session = await post<GuestSession>('/api/auth/guest', stored ? { deviceSecret: stored } : {})
  } catch (err) {
    if (!(err instanceof SignInError) || err.code !== 'DEVICE_SECRET_INVALID') throw err
    storage.remove(DEVICE_KEY)
    session = await post<GuestSession>('/api/auth/guest', {})
  }
  storage.set(DEVICE_KEY, session.deviceSecret)
  const { deviceSecret: _secret, ...rest } = session
  return rest
}

async function signIn(): Promise<Session> {
  if (isWeapp) {
    const { code } = await Taro.login()
    return post<Session>('/api/auth/wechat', { code })
  }
  return signInAsGuest()
}

/** The shopper's session; signs in (once, even when called concurrently) when there is none. */
export function ensureSession(): Promise<Session> {
  const current = sessions.shopper
  if (current && Date.parse(current.expiresAt) > Date.now()) return Promise.resolve(current)
  if (!pending) {
    pending = signIn()
      .then((s) => {
        setSession(s)
        return s
      })
      .finally(() => {
        pending = null
      })
  }
  return pending
}

/** Stores (or clears) the session of one scope: shopper sign-in, or the agent login form. */
export function setSession(s: Session | null, scope: SessionScope = 'shopper'): void {
  sessions[scope] = s
  if (s) storage.set(SESSION_KEYS[scope], s)
  else storage.remove(SESSION_KEYS[scope])
}

/** The stored session of a scope (shopper by default), or null. */
export function getSession(scope: SessionScope = 'shopper'): Session | null {
  return sessions[scope]
}
