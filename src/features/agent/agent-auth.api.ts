import Taro from '@tarojs/taro'
import type { Session } from '@shared/auth'
import { request } from '@/lib/http'
import { getSession, setSession } from '@/lib/session'

export const AGENT_LOGIN_URL = '/pages/agent/login/index'
export const AGENT_WORKSPACE_URL = '/pages/agent/workspace/index'

/** Signs an agent in and keeps the session apart from the shopper's. */
export async function loginAgent(username: string, password: string): Promise<Session> {
  const session = await request<Session>('/api/auth/agent', {
    method: 'POST',
    anonymous: true,
    data: { username: username.trim(), password },
  })
  if (session.user.role !== 'agent') throw new Error('not an agent account')
  setSession(session, 'agent')
  return session
}

/** Revokes the agent token (best effort) and forgets it locally. */
export async function logoutAgent(): Promise<void> {
  try {
    await request<null>('/api/auth/logout', { method: 'POST', scope: 'agent', data: {} })
  } catch {
    // Already expired or offline: forgetting it locally is what matters.
  }
  setSession(null, 'agent')
}

/** The signed-in agent, or null when there is no valid agent session. */
export function currentAgent(): Session | null {
  const s = getSession('agent')
  if (!s || s.user.role !== 'agent' || Date.parse(s.expiresAt) <= Date.now()) return null
  return s
}

/** Sends whoever is not a signed-in agent to the agent login page. */
export function redirectToLogin(): void {
  void Taro.redirectTo({ url: AGENT_LOGIN_URL })
}
