import crypto from 'node:crypto'
import type { GuestSession, Session, SessionUser, SignInList } from '../../../types/auth'
import { maskIp } from '../../lib/masking'
import type { Database } from '../../db/database'
import { HttpError } from '../../plugins/errors'
import * as repo from './auth.repository'
import { hashPassword, verifyPassword } from './passwords'
import type { SessionCache } from './session-cache'
import { ADDRESS_POLICY, USERNAME_POLICY, signInWait } from './sign-in-guard'
import { codeToSession, type WechatCredentials } from './wechat.client'

const SESSION_DAYS = 30

export interface AuthOptions {
  wechat: WechatCredentials | null
  production: boolean
}

/** Tokens and device secrets are stored only as their SHA-256, so a leaked table cannot be replayed. */
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

function newShopper(displayName: string, keys: { openid?: string; secretHash?: string }): repo.UserRow {
  const now = new Date().toISOString()
  return {
    id: crypto.randomUUID(),
    role: 'shopper',
    display_name: displayName,
    openid: keys.openid ?? null,
    device_id: null,
    username: null,
    password_hash: null,
    created_at: now,
    device_secret_hash: keys.secretHash ?? null,
    device_secret_prev_hash: null,
    last_seen_at: now,
  }
}

/** Finds the shopper for an openid or creates one; safe when two logins race. */
export async function findOrCreateWechatShopper(db: Database, openid: string) {
  const existing = await repo.findUserBy(db, 'openid', openid)
  if (existing) return existing
  const row = newShopper('微信用户', { openid })
  try {
    await repo.insertUser(db, row)
    return row
  } catch (err) {
    const raced = await repo.findUserBy(db, 'openid', openid)
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
  const user = await findOrCreateWechatShopper(db, openid)
  return issueSession(db, user)
}

/** 128+ bits from the CSPRNG, URL-safe. */
function newDeviceSecret(): string {
  return crypto.randomBytes(24).toString('base64url')
}

/**
 * A device-scoped shopper account for browsers. Without a secret a new guest is made; with one,
 * the secret is used up and a fresh one returned. The secret before the last rotation still
 * works once more in case that answer never reached the device.
 */
export async function loginAsGuest(db: Database, deviceSecret: string | undefined): Promise<GuestSession> {
  const next = newDeviceSecret()
  const nextHash = hashToken(next)
  const now = new Date().toISOString()
  let user: repo.UserRow | undefined
  if (deviceSecret === undefined) {
    user = newShopper('访客', { secretHash: nextHash })
    await repo.insertUser(db, user)
  } else {
    const hash = hashToken(deviceSecret)
    const current = await repo.findUserBy(db, 'device_secret_hash', hash)
    if (current && current.role === 'shopper') {
      const ok = await repo.rotateDeviceSecret(
        db,
        current.id,
        { column: 'device_secret_hash', hash },
        { hash: nextHash, prevHash: hash, now },
      )
      if (ok) user = current
    }
    if (!user) {
      const previous = await repo.findUserBy(db, 'device_secret_prev_hash', hash)
      if (previous && previous.role === 'shopper') {
        const ok = await repo.rotateDeviceSecret(
          db,
          previous.id,
          { column: 'device_secret_prev_hash', hash },
          { hash: nextHash, prevHash: hash, now },
        )
        if (ok) user = previous
      }
    }
  }
  if (!user) {
    throw new HttpError(401, 'DEVICE_SECRET_INVALID', 'This device is no longer signed in; sign in again without a device secret.')
  }
  return { ...(await issueSession(db, user)), deviceSecret: next }
}

let dummyHash: Promise<string> | null = null
/** A real scrypt hash to check unknown usernames against, so they take as long as known ones. */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'))
  return dummyHash
}

/** Refuses while the username or the address is in backoff or locked out. */
async function checkSignInGuard(db: Database, username: string, address: string, now: number): Promise<void> {
  const since = new Date(now - Math.max(USERNAME_POLICY.windowSeconds, ADDRESS_POLICY.windowSeconds) * 1000).toISOString()
  const byUser = signInWait(await repo.recentFailures(db, 'username', username, since), now, USERNAME_POLICY)
  const byAddress = signInWait(await repo.recentFailures(db, 'address', address, since), now, ADDRESS_POLICY)
  const wait = Math.max(byUser.waitSeconds, byAddress.waitSeconds)
  if (wait === 0) return
  const locked = byUser.locked || byAddress.locked
  await repo.recordSignIn(db, { username, address, outcome: 'locked', at: new Date(now).toISOString() })
  throw new HttpError(
    429,
    locked ? 'SIGN_IN_LOCKED' : 'SIGN_IN_BACKOFF',
    locked ? `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} min.` : `Too many failed sign-ins; try again in ${wait} s.`,
    undefined,
    { params: locked ? { minutes: Math.ceil(wait / 60) } : { seconds: wait }, details: { retryAfterSeconds: wait } },
  )
}

/** Agent username + password → session; one message and the same work for every failure, so usernames cannot be probed. */
export async function loginAsAgent(db: Database, username: string, password: string, address: string): Promise<Session> {
  const now = Date.now()
  await checkSignInGuard(db, username, address, now)
  const user = await repo.findUserBy(db, 'username', username)
  const stored = user?.role === 'agent' && user.password_hash ? user.password_hash : await dummyPasswordHash()
  const matches = await verifyPassword(password, stored)
  const ok = matches && user?.role === 'agent' && Boolean(user.password_hash)
  await repo.recordSignIn(db, { username, address, outcome: ok ? 'ok' : 'failed', at: new Date().toISOString() })
  if (!user || !ok) throw new HttpError(401, 'INVALID_CREDENTIALS', 'Wrong username or password.')
  return issueSession(db, user)
}

/** The user behind a bearer token, or null. */
/** The user a bearer token belongs to, or null when the session is unknown, expired or revoked. */
export async function authenticate(db: Database, token: string, cache?: SessionCache): Promise<SessionUser | null> {
  const hash = hashToken(token)
  const cached = cache?.get(hash)
  if (cached) return cached
  const row = await repo.findLiveSession(db, hash, new Date().toISOString())
  if (!row) return null
  const user: SessionUser = { id: row.id, role: row.role, displayName: row.display_name }
  cache?.set(hash, user, Date.parse(row.expires_at))
  return user
}

/** Revokes a token; the cache forgets it first, so the next request with it is refused. */
export async function logout(db: Database, token: string, cache?: SessionCache): Promise<void> {
  const hash = hashToken(token)
  cache?.delete(hash)
  await repo.revokeSession(db, hash, new Date().toISOString())
}

/** The agents' audit view of sign-ins; addresses are masked. */
export async function listSignIns(db: Database, limit: number, before: string | null): Promise<SignInList> {
  const rows = await repo.listSignIns(db, limit + 1, before)
  const page = rows.slice(0, limit)
  return {
    items: page.map((r) => ({ id: r.id, username: r.username, address: maskIp(r.address), outcome: r.outcome, at: r.created_at })),
    nextCursor: rows.length > limit ? page[page.length - 1].created_at : null,
  }
}
