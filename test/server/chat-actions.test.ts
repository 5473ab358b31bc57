import type { FastifyInstance } from 'fastify'
import type { ChatMessage } from '../../types/chat'
import type { Order } from '../../types/order'
import type { OrderActionResult } from '../../types/order-action'
import { agent, current, pollShopper, say, type Auth } from '../support/chat'
import { buildTestApp, guest } from '../support/server'
import { listOrdersFor } from '../../server/features/orders/orders.service'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

let keyCounter = 0
const key = (): string => `k${Date.now().toString(36)}${(keyCounter++).toString(36)}xx`

describe(`self-service action cards (${dbName})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  const act = (who: Auth, body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/chat/actions', headers: { authorization: who.authorization }, payload: body })

  const orderIn = async (who: Auth, pick: (o: Order) => boolean): Promise<Order> => {
    const order = (await listOrdersFor(who.userId)).find(pick)
    if (!order) throw new Error('demo data lacks such an order')
    return order
  }

  it('offers the card on the bot answer that the action solves', async () => {
    const me = await guest(app)
    const sent = await say(app, me, '付款两天了还没发货，帮我催一下')
    const bot = (await pollShopper(app, me, `after=${sent.seq}`)).messages[0]
    expect(bot.meta).toMatchObject({ intent: 'order.not_shipped', action: 'urge_shipment' })
  })

  it('cancels an unshipped order once, shows it in the chat and changes the order', async () => {
    const me = await guest(app)
    await current(app, me)
    const order = await orderIn(me, (o) => o.status === 'paid')
    const body = { kind: 'cancel_order', orderNo: order.orderNo, idempotencyKey: key() }
    const first = await act(me, body)
    expect(first.statusCode).toBe(200)
    expect(first.json()).toMatchObject({ replayed: false, result: { kind: 'cancel_order', orderStatus: 'cancelled' } })
    const again = await act(me, body)
    expect(again.json()).toMatchObject({ replayed: true, result: { id: first.json().result.id } })
    expect((await listOrdersFor(me.userId)).find((o) => o.orderNo === order.orderNo)?.status).toBe('cancelled')
    const page = await pollShopper(app, me, 'after=0')
    const results = page.messages.filter((m: ChatMessage) => m.meta?.actionResult)
    expect(results).toHaveLength(1)
    expect(results[0].text).toContain(order.orderNo)
    const second = await act(me, { ...body, idempotencyKey: key() })
    expect(second.statusCode).toBe(409)
    expect(second.json().error.code).toBe('ORDER_CANCELLED')
  })

  it('refunds at most what was paid, across several requests', async () => {
    const me = await guest(app)
    const order = await orderIn(me, () => true)
    const over = await act(me, {
      kind: 'request_refund',
      orderNo: order.orderNo,
      reason: 'damaged',
      amountFen: order.amount.fen + 1,
      idempotencyKey: key(),
    })
    expect(over.statusCode).toBe(400)
    expect(over.json().error).toMatchObject({ code: 'REFUND_TOO_HIGH', field: 'body.amountFen' })
    const half = Math.floor(order.amount.fen / 2)
    expect(
      (await act(me, { kind: 'request_refund', orderNo: order.orderNo, reason: 'damaged', amountFen: half, idempotencyKey: key() }))
        .statusCode,
    ).toBe(200)
    const rest = await act(me, {
      kind: 'request_refund',
      orderNo: order.orderNo,
      reason: 'damaged',
      amountFen: order.amount.fen - half + 1,
      idempotencyKey: key(),
    })
    expect(rest.json().error.details).toEqual({ maxFen: order.amount.fen - half })
    const noReason = await act(me, { kind: 'request_refund', orderNo: order.orderNo, amountFen: 1, idempotencyKey: key() })
    expect(noReason.json().error).toMatchObject({ code: 'FIELD_REQUIRED', field: 'body.reason' })
  })

  it('refuses to change the address of a shipped order, and tracks it instead', async () => {
    const me = await guest(app)
    const order = await orderIn(me, (o) => o.logistics !== null)
    const change = await act(me, {
      kind: 'change_address',
      orderNo: order.orderNo,
      address: '上海市浦东新区世纪大道 100 号',
      idempotencyKey: key(),
    })
    expect(change.statusCode).toBe(409)
    expect(change.json().error.code).toBe('ORDER_ALREADY_SHIPPED')
    const track = await act(me, { kind: 'track_parcel', orderNo: order.orderNo, idempotencyKey: key() })
    const result = track.json<{ result: OrderActionResult }>().result
    expect(result.detail).toContain(order.logistics!.trackingNo)
  })

  it('never acts on another shopper’s order, and a reused key with another body is refused', async () => {
    const me = await guest(app)
    const other = await guest(app)
    const theirs = await orderIn(other, () => true)
    const res = await act(me, { kind: 'track_parcel', orderNo: theirs.orderNo, idempotencyKey: key() })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('ORDER_NOT_FOUND')
    const mine = await orderIn(me, (o) => o.status !== 'cancelled')
    const k = key()
    expect((await act(me, { kind: 'reissue_invoice', orderNo: mine.orderNo, invoiceTitle: '个人', idempotencyKey: k })).statusCode).toBe(
      200,
    )
    const reused = await act(me, { kind: 'reissue_invoice', orderNo: mine.orderNo, invoiceTitle: '某某公司', idempotencyKey: k })
    expect(reused.statusCode).toBe(422)
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it('rejects malformed bodies with a 400, not a 500', async () => {
    const me = await guest(app)
    for (const body of [
      {},
      { kind: 'explode', orderNo: '1', idempotencyKey: key() },
      { kind: 'track_parcel', orderNo: 'abc', idempotencyKey: key() },
    ]) {
      const res = await act(me, body)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.code).toBeDefined()
    }
  })

  it('shows the result to the agent who takes the conversation', async () => {
    const me = await guest(app)
    const alice = await agent(app)
    const conv = await current(app, me)
    const order = await orderIn(me, (o) => o.status === 'paid')
    await act(me, { kind: 'urge_shipment', orderNo: order.orderNo, idempotencyKey: key() })
    await app.inject({ method: 'POST', url: '/api/chat/handoff', headers: { authorization: me.authorization }, payload: {} })
    const claim = await app.inject({
      method: 'POST',
      url: `/api/agent/conversations/${conv.id}/claim`,
      headers: { authorization: alice.authorization },
    })
    expect(claim.statusCode).toBe(200)
    const page = await app.inject({
      url: `/api/agent/conversations/${conv.id}/messages?after=0`,
      headers: { authorization: alice.authorization },
    })
    const seen = page.json<{ messages: ChatMessage[] }>().messages.find((m) => m.meta?.actionResult?.kind === 'urge_shipment')
    expect(seen?.text).toContain(order.orderNo)
  })
})
