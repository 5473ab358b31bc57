import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { insertUser } from '../../server/features/auth/auth.repository'
import { hashPassword } from '../../server/features/auth/passwords'
import type { ChatMessage, ChatPoll, Conversation } from '../../types/chat'

export type Auth = { authorization: string; userId: string }

/** Creates an agent account and signs it in. */
export async function agent(app: FastifyInstance, displayName = '小艾'): Promise<Auth> {
  const username = `agent-${crypto.randomBytes(4).toString('hex')}`
  const password = 'correct horse battery staple'
  const id = crypto.randomUUID()
  await insertUser(app.db, {
    id,
    role: 'agent',
    display_name: displayName,
    openid: null,
    device_id: null,
    username,
    password_hash: await hashPassword(password),
    created_at: new Date().toISOString(),
  })
  const res = await app.inject({ method: 'POST', url: '/api/auth/agent', payload: { username, password } })
  if (res.statusCode !== 200) throw new Error(`agent sign-in failed: ${res.body}`)
  return { authorization: `Bearer ${res.json().token}`, userId: id }
}

let counter = 0
/** A fresh clientMsgId. */
export function cid(): string {
  counter += 1
  return `c-${Date.now()}-${counter}-${crypto.randomBytes(3).toString('hex')}`
}

/** POST /api/chat/messages as a shopper; returns the raw response. */
export function sendRaw(app: FastifyInstance, who: Auth, body: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: '/api/chat/messages', headers: { authorization: who.authorization }, payload: body })
}

/** Sends a shopper text and returns the stored message (throws on a non-200). */
export async function say(app: FastifyInstance, who: Auth, text: string, extra: Record<string, unknown> = {}): Promise<ChatMessage> {
  const res = await sendRaw(app, who, { clientMsgId: cid(), kind: 'text', text, ...extra })
  if (res.statusCode !== 200) throw new Error(`send failed ${res.statusCode}: ${res.body}`)
  return res.json()
}

/** GET /api/chat/messages with a query string. */
export async function pollShopper(app: FastifyInstance, who: Auth, query: string): Promise<ChatPoll> {
  const res = await app.inject({ url: `/api/chat/messages?${query}`, headers: { authorization: who.authorization } })
  if (res.statusCode !== 200) throw new Error(`poll failed ${res.statusCode}: ${res.body}`)
  return res.json()
}

/** GET /api/chat (opens a conversation). */
export async function current(app: FastifyInstance, who: Auth): Promise<Conversation> {
  const res = await app.inject({ url: '/api/chat', headers: { authorization: who.authorization } })
  if (res.statusCode !== 200) throw new Error(`GET /api/chat failed ${res.statusCode}: ${res.body}`)
  return res.json()
}

/** An uploads row owned by `ownerId`, as the uploads feature stores it. */
export async function fakeUploadRow(app: FastifyInstance, ownerId: string): Promise<string> {
  const id = crypto.randomUUID()
  await app.db
    .insertInto('uploads')
    .values({
      id,
      owner_id: ownerId,
      content_type: 'image/png',
      size: 68,
      width: 1,
      height: 1,
      filename: 'photo.png',
      sha256: crypto.createHash('sha256').update(id).digest('hex'),
      storage_key: `test/${id}.png`,
      created_at: new Date().toISOString(),
      moderation: 'pass',
      moderation_trace_id: null,
    })
    .execute()
  return id
}
