import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { insertUser } from '../../server/features/auth/auth.repository'
import { hashPassword } from '../../server/features/auth/passwords'
import { listOrdersFor } from '../../server/features/orders/orders.service'
import { multipart, png } from './images'
import type { AttachmentInput, CreateTicketBody, TicketDetail } from '../../types/ticket'

export interface Who {
  authorization: string
  userId: string
}

/** Creates an agent account and signs it in. */
export async function agent(app: FastifyInstance, name = '小艾'): Promise<Who> {
  const username = `agent${crypto.randomBytes(4).toString('hex')}`
  const id = crypto.randomUUID()
  await insertUser(app.db, {
    id,
    role: 'agent',
    display_name: name,
    openid: null,
    device_id: null,
    username,
    password_hash: await hashPassword('correct horse battery'),
    created_at: new Date().toISOString(),
  })
  const res = await app.inject({ method: 'POST', url: '/api/auth/agent', payload: { username, password: 'correct horse battery' } })
  if (res.statusCode !== 200) throw new Error(`agent sign-in failed: ${res.body}`)
  return { authorization: `Bearer ${res.json().token}`, userId: id }
}

/** Real image uploads by `who` through POST /api/uploads; returns their ids. */
export async function uploads(app: FastifyInstance, who: Who, count: number): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < count; i++) {
    const { payload, headers } = multipart([{ field: 'file', filename: `photo-${i}.png`, contentType: 'image/png', data: png(4 + i, 3) }])
    const res = await app.inject({
      method: 'POST',
      url: '/api/uploads',
      payload,
      headers: { ...headers, authorization: who.authorization },
    })
    if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`)
    ids.push(res.json<{ id: string }>().id)
  }
  return ids
}

/** Evidence list of one kind from upload ids. */
export const as = (kind: AttachmentInput['kind'], ids: string[]): AttachmentInput[] => ids.map((uploadId) => ({ uploadId, kind }))

/** A valid "damaged" submission for the shopper: one of their orders and two photos. */
export async function damagedBody(app: FastifyInstance, shopper: Who, over: Partial<CreateTicketBody> = {}): Promise<CreateTicketBody> {
  const [order] = await listOrdersFor(shopper.userId)
  return {
    serviceType: 'product',
    subtype: 'damaged',
    orderNo: order.orderNo,
    productName: order.items[0].name,
    description: '收到的杯子把手断了，外包装也有压痕',
    attachments: as('photos', await uploads(app, shopper, 2)),
    outcome: 'exchange',
    ...over,
  }
}

/** A simple valid submission needing no evidence. */
export const pointsBody = (description = '上个月的积分没有到账'): CreateTicketBody => ({
  serviceType: 'member',
  subtype: 'points',
  description,
  attachments: [],
})

/** Submits a ticket and returns it (fails the test on anything but 201). */
export async function submit(app: FastifyInstance, who: Who, body: CreateTicketBody, key = crypto.randomUUID()): Promise<TicketDetail> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/tickets',
    headers: { authorization: who.authorization, 'idempotency-key': key },
    payload: body,
  })
  if (res.statusCode !== 201) throw new Error(`ticket submit failed: ${res.statusCode} ${res.body}`)
  return res.json<TicketDetail>()
}

/** Sends an agent status move. */
export function move(app: FastifyInstance, who: Who, id: string, payload: Record<string, unknown>) {
  return app.inject({ method: 'POST', url: `/api/agent/tickets/${id}/transition`, headers: { authorization: who.authorization }, payload })
}

/** Moves time for one ticket: shifts its stored timestamps into the past by `hours`. */
export async function age(app: FastifyInstance, id: string, hours: number): Promise<void> {
  const row = await app.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const shift = (v: string | null) => (v ? new Date(Date.parse(v) - hours * 3_600_000).toISOString() : v)
  await app.db
    .updateTable('tickets')
    .set({
      created_at: shift(row.created_at)!,
      first_response_due_at: shift(row.first_response_due_at)!,
      resolution_due_at: shift(row.resolution_due_at)!,
      first_responded_at: shift(row.first_responded_at),
      awaiting_since: shift(row.awaiting_since),
      resolved_at: shift(row.resolved_at),
      rated_at: shift(row.rated_at),
    })
    .where('id', '=', id)
    .execute()
}
