import crypto from 'node:crypto'
import type { Session, SessionUser } from '../../../types/auth'
import type { Database } from '../../db/database'
import { HttpError } from '../../plugins/errors'
import * as repo from './auth.repository'
import { verifyPassword } from './passwords'
import { codeToSession, type WechatCredentials } from './wechat.client'

const SESSION_DAYS = 30

export interface AuthOptions {
  wechat: WechatCredentials | null
  production: boolean
}

/** Tokens are stored only as their SHA-256, so a leaked table cannot be replayed. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

async function issueSession(db: Database, user: repo.UserRow): Promise<Session> {
  const token = crypto.randomBytes(32).toString('base64url')
  const now = new Date()
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString()
  await repo.insertSession(db, { token_hash: hashToken(token), user_id: user.id, expires_at: expiresAt, created_at: now.toISOString() })
  return { token, expiresAt, user: { id: user.id, role: user.role, displayName: user.display_name } }
}

/** Finds the shopper for a unique key or creates one; safe when two logins race. */
async function findOrCreateShopper(db: Database, key: 'openid' | 'device_id', value: string, displayName: string) {
  const existing = await repo.findUserBy(db, key, value)
  if (existing) return existing
  const row: repo.UserRow = {
    id: crypto.randomUUID(),
    role: 'shopper',
    display_name: displayName,
    openid: key === 'openid' ? value : null,
    device_id: key === 'device_id' ? value : null,
    username: null,
    password_hash: null,
    created_at: new Date().toISOString(),
  }
  try {
    await repo.insertUser(db, row)
    return row
  } catch (err) {
    const raced = await repo.findUserBy(db, key, value)
    if (raced) return raced
    throw err
  }
}

/** wx.login code → session. Without WeChat credentials (development) any code maps to a stable dev shopper. */
export async function loginWithWechat(db: Database, opts: AuthOptions, code: string): Promise<Session> {
  let openid: string
  if (opts.wechat) {
    openid = (await codeToSession(opts.wechat, code)).openid
  } else {
    if (opts.production) {
      throw new HttpError(503, 'WECHAT_NOT_CONFIGURED', 'WeChat login is not configured: set WECHAT_APPID and WECHAT_SECRET.')
    }
    openid = `dev-${crypto.createHash('sha256').update(code).digest('hex').slice(0, 24)}`
  }
  const user = await findOrCreateShopper(db, 'openid', openid, '微信用户')
  return issueSession(db, user)
}

/** A device-scoped shopper account for browsers. */
export async function loginAsGuest(db: Database, deviceId: string): Promise<Session> {
  const user = await findOrCreateShopper(db, 'device_id', deviceId, '访客')
  return issueSession(db, user)
}

/** Agent username + password → session; one message for every failure, so usernames cannot be probed. */
export async function loginAsAgent(db: Database, username: string, password: string): Promise<Session> {
  const user = await repo.findUserBy(db, 'username', username)
  const ok = user?.role === 'agent' && user.password_hash ? await verifyPassword(password, user.password_hash) : false
  if (!user || !ok) throw new HttpError(401, 'INVALID_CREDENTIALS', 'Wrong username or password.')
  return issueSession(db, user)
}

/** The user behind a bearer token, or null. */
export async function authenticate(db: Database, token: string): Promise<SessionUser | null> {
  const row = await repo.findLiveSession(db, hashToken(token), new Date().toISOString())
  return row ? { id: row.id, role: row.role, displayName: row.display_name } : null
}

export function logout(db: Database, token: string): Promise<void> {
  return repo.revokeSession(db, hashToken(token), new Date().toISOString())
}
