import crypto from 'node:crypto'
import { PassThrough } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { UploadLinks } from '../../server/features/uploads/upload-links'
import { buildTestApp, guest } from '../support/server'
import { cid } from '../support/chat'
import { agent, damagedBody, move, submit, uploads } from '../support/tickets'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`logs and screens keep personal data private (${db})`, () => {
  let app: FastifyInstance
  let lines = ''
  beforeAll(async () => {
    const stream = new PassThrough()
    stream.on('data', (chunk: Buffer) => (lines += chunk.toString()))
    app = await buildTestApp({ logLevel: 'trace' }, undefined, stream)
  })
  afterAll(() => app.close())

  it('writes no message text, phone, token, device secret, password or signed URL to the log', async () => {
    const shopper = await guest(app)
    const secretText = `我的手机 13912345678 订单 ${crypto.randomBytes(4).toString('hex')}`
    const sent = await app.inject({
      method: 'POST',
      url: '/api/chat/messages',
      headers: { authorization: shopper.authorization },
      payload: { clientMsgId: cid(), kind: 'text', text: secretText },
    })
    expect(sent.statusCode).toBe(200)
    const [uploadId] = await uploads(app, shopper, 1)
    const detail = await app.inject({ url: `/api/uploads/${uploadId}`, headers: { authorization: shopper.authorization } })
    expect(detail.statusCode).toBe(200)
    const signed = (await app.inject({ url: '/api/chat/messages?after=0', headers: { authorization: shopper.authorization } })).json()
    expect(signed.messages.length).toBeGreaterThan(0)
    const link = `/api/uploads/${uploadId}?exp=${Math.floor(Date.now() / 1000) + 600}&sig=${'s'.repeat(32)}`
    await app.inject({ url: link })
    await app.inject({ method: 'POST', url: '/api/auth/agent', payload: { username: 'nobody', password: 'hunter2-password' } })
    await app.inject({ url: `/api/tickets?cursor=13800138000`, headers: { authorization: shopper.authorization } })

    expect(lines).toContain('incoming request')
    for (const secret of [
      secretText,
      '13912345678',
      '13800138000',
      shopper.authorization.slice(7),
      shopper.deviceSecret,
      'hunter2-password',
      's'.repeat(32),
    ]) {
      expect(lines).not.toContain(secret)
    }
    expect(lines).toContain(`/api/uploads/${uploadId}?exp=*&sig=*`)
  })

  it('shows agents masked contact details; a deliberate reveal returns the value and is recorded', async () => {
    const shopper = await guest(app)
    const staff = await agent(app)
    const { id } = await submit(
      app,
      shopper,
      await damagedBody(app, shopper, { contact: { email: 'li.lei@example.com', phone: '13800138000' } }),
    )
    await move(app, staff, id, { to: 'in_progress' })
    const seen = (await app.inject({ url: `/api/agent/tickets/${id}`, headers: { authorization: staff.authorization } })).json()
    expect(seen.contact).toEqual({ phone: '138****8000', email: 'l***@example.com' })
    const list = (await app.inject({ url: '/api/agent/tickets', headers: { authorization: staff.authorization } })).json()
    expect(JSON.stringify(list)).not.toContain('13800138000')
    const own = (await app.inject({ url: `/api/tickets/${id}`, headers: { authorization: shopper.authorization } })).json()
    expect(own.contact.phone).toBe('13800138000')

    const before = lines.length
    const reveal = await app.inject({
      method: 'POST',
      url: `/api/agent/tickets/${id}/reveal`,
      headers: { authorization: staff.authorization },
      payload: { field: 'phone' },
    })
    expect(reveal.json()).toEqual({ field: 'phone', value: '13800138000' })
    const recorded = await app.db.selectFrom('data_reveals').selectAll().where('subject_id', '=', id).execute()
    expect(recorded).toEqual([expect.objectContaining({ agent_id: staff.userId, field: 'contact.phone' })])
    const logged = lines.slice(before)
    expect(logged).toContain('agent revealed a contact detail')
    expect(logged).not.toContain('13800138000')
    const byShopper = await app.inject({
      method: 'POST',
      url: `/api/agent/tickets/${id}/reveal`,
      headers: { authorization: shopper.authorization },
      payload: { field: 'phone' },
    })
    expect(byShopper.statusCode).toBe(403)
  })

  it('serves uploads sandboxed and refuses signed links that live too long', async () => {
    const shopper = await guest(app)
    const [id] = await uploads(app, shopper, 1)
    const own = await app.inject({ url: `/api/uploads/${id}`, headers: { authorization: shopper.authorization } })
    expect(own.headers['content-security-policy']).toBe("default-src 'none'; sandbox")
    const links = new UploadLinks(app.db)
    expect((await app.inject({ url: await links.pathFor(id) })).statusCode).toBe(200)
    // A correctly signed link whose expiry lies ten years ahead is not honoured.
    const farFuture = await links.pathFor(id, Date.now() + 10 * 365 * 86_400_000)
    expect((await app.inject({ url: farFuture })).statusCode).toBe(404)
  })

  it('masks phone numbers in the queue preview agents see', async () => {
    const shopper = await guest(app)
    const staff = await agent(app)
    await app.inject({
      method: 'POST',
      url: '/api/chat/messages',
      headers: { authorization: shopper.authorization },
      payload: { clientMsgId: cid(), kind: 'text', text: '请打我电话 13712345678' },
    })
    await app.inject({ method: 'POST', url: '/api/chat/handoff', headers: { authorization: shopper.authorization }, payload: {} })
    const queue = (await app.inject({ url: '/api/agent/queue', headers: { authorization: staff.authorization } })).json()
    const mine = queue.items.find((i: { shopper: { id: string } }) => i.shopper.id === shopper.userId)
    expect(mine.preview).toBe('请打我电话 137****5678')
  })
})
