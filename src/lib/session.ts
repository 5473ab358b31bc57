import Taro from '@tarojs/taro'
import type { Session } from '@shared/auth'
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

/** A random id for this browser, kept so a guest finds their tickets again. */
function deviceId(): string {
  let id = storage.get<string>(DEVICE_KEY)
  if (!id) {
    id = `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`
    storage.set(DEVICE_KEY, id)
  }
  return id
}

async function post<T>(path: string, data: unknown): Promise<T> {
  const res = await Taro.request<T>({ url: `${apiBase}${path}`, method: 'POST', data, header: { 'content-type': 'application/json' } })
  if (res.statusCode !== 200) {
    const body = res.data as unknown as { error?: { message?: string } }
    throw new Error(body?.error?.message ?? `sign-in failed (${res.statusCode})`)
  }
  return res.data
}

async function signIn(): Promise<Session> {
  if (isWeapp) {
    const { code } = await Taro.login()
    return post<Session>('/api/auth/wechat', { code })
  }
  return post<Session>('/api/auth/guest', { deviceId: deviceId() })
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
