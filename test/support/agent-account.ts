import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { insertUser } from '../../server/features/auth/auth.repository'
import { hashPassword } from '../../server/features/auth/passwords'

/** Creates an agent account directly in the database and signs it in. */
export async function signInAgent(
  app: FastifyInstance,
  username = `agent${crypto.randomBytes(4).toString('hex')}`,
): Promise<{ authorization: string; userId: string }> {
  const password = 'correct horse battery'
  await insertUser(app.db, {
    id: crypto.randomUUID(),
    role: 'agent',
    display_name: username,
    openid: null,
    device_id: null,
    username,
    password_hash: await hashPassword(password),
    created_at: new Date().toISOString(),
  })
  const res = await app.inject({ method: 'POST', url: '/api/auth/agent', payload: { username, password } })
  if (res.statusCode !== 200) throw new Error(`agent sign-in failed: ${res.body}`)
  const body = res.json<{ token: string; user: { id: string } }>()
  return { authorization: `Bearer ${body.token}`, userId: body.user.id }
}
