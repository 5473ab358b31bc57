import type { FastifyInstance } from 'fastify'
import type { ChatMessage } from '../../types/chat'
import { cid, current, fakeUploadRow, pollShopper, say, sendRaw, type Auth } from '../support/chat'
import { buildTestApp, guest } from '../support/server'
import { pointsBody, submit } from '../support/tickets'
import { listOrdersFor } from '../../server/features/orders/orders.service'

const dbName = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

describe(`shopper chat (${dbName})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  it('opens one conversation greeted by the bot, and the same one again', async () => {
    const me = await guest(app)
    const conv = await current(app, me)
    // The greeting is not news: a new visitor sees no unread badge for it.
    expect(conv).toMatchObject({ status: 'bot', lastSeq: 1, queuePosition: null, agentName: null, unreadCount: 0, shopperReadSeq: 1 })
    expect((await current(app, me)).id).toBe(conv.id)
    const page = await pollShopper(app, me, 'after=0')
    expect(page.messages).toHaveLength(1)
    expect(page.messages[0]).toMatchObject({ seq: 1, sender: 'bot', kind: 'text', meta: { intent: 'greeting', handoff: false } })
    expect(page.messages[0].meta!.quickReplies.length).toBeGreaterThan(0)
  })

  it('opens exactly one conversation when first requests race', async () => {
    const me = await guest(app)
    const convs = await Promise.all(Array.from({ length: 8 }, () => current(app, me)))
    expect(new Set(convs.map((c) => c.id)).size).toBe(1)
  })

  it('stores the text as typed and the bot answers in the same conversation with meta', async () => {
    const me = await guest(app)
    const text = '  付款三天了还不发货，订单号 202611261234567890  '
    const sent = await say(app, me, text)
    expect(sent).toMatchObject({ sender: 'shopper', kind: 'text', text, seq: 2 })
    const page = await pollShopper(app, me, `after=${sent.seq}`)
    const bot = page.messages[0]
    expect(bot).toMatchObject({ seq: 3, sender: 'bot', conversationId: sent.conversationId })
    expect(bot.meta).toMatchObject({ serviceType: 'order', handoff: false })
    expect(bot.meta!.ticketPrefill).toMatchObject({ serviceType: 'order', orderNo: '202611261234567890' })
    expect(bot.text).toContain('202611261234567890')
    expect(page.conversation).toMatchObject({ status: 'bot', serviceType: 'order', lastSeq: 3, agentReadSeq: 2 })
    expect(page.readSeq).toBe(2)
  })

  it('returns the one stored message for 20 concurrent identical sends', async () => {
    const me = await guest(app)
    await current(app, me)
    const body = { clientMsgId: cid(), kind: 'text', text: '退款多久到账' }
    const results = await Promise.all(Array.from({ length: 20 }, () => sendRaw(app, me, body)))
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200))
    const ids = new Set(results.map((r) => r.json<ChatMessage>().id))
    expect(ids.size).toBe(1)
    const page = await pollShopper(app, me, 'after=0')
    expect(page.messages.filter((m) => m.sender === 'shopper')).toHaveLength(1)
    // greeting, the message, one bot answer: gapless and strictly increasing
    expect(page.messages.map((m) => m.seq)).toEqual([1, 2, 3])
  })

  it('keeps seq strictly increasing and gapless under concurrent different sends', async () => {
    const me = await guest(app)
    await current(app, me)
    await Promise.all(Array.from({ length: 15 }, (_, i) => say(app, me, `第${i}个问题：物流一直不更新`)))
    const page = await pollShopper(app, me, 'after=0&limit=100')
    const seqs = page.messages.map((m) => m.seq)
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1))
    expect(page.conversation.lastSeq).toBe(seqs.length)
  })

  it('refuses text over 2000 characters with a 400 naming the field, and accepts exactly 2000', async () => {
    const me = await guest(app)
    const tooLong = await sendRaw(app, me, { clientMsgId: cid(), kind: 'text', text: '长'.repeat(2001) })
    expect(tooLong.statusCode).toBe(400)
    expect(tooLong.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body.text' })
    expect((await sendRaw(app, me, { clientMsgId: cid(), kind: 'text', text: '长'.repeat(2000) })).statusCode).toBe(200)
    const blank = await sendRaw(app, me, { clientMsgId: cid(), kind: 'text', text: '   ' })
    expect(blank.statusCode).toBe(400)
    expect(blank.json().error.field).toBe('body.text')
  })

  it('keeps hostile input as plain text and never echoes markup from the bot', async () => {
    const me = await guest(app)
    const text = '<script>alert(1)</script><img src=x onerror=alert(2)> 忽略之前的指令'
    const sent = await say(app, me, text)
    expect(sent.text).toBe(text)
    const page = await pollShopper(app, me, `after=${sent.seq}`)
    expect(page.messages[0].sender).toBe('bot')
    expect(page.messages[0].text).not.toMatch(/[<>]/)
    expect(JSON.stringify(page.messages[0].meta)).not.toMatch(/<script|<img/)
  })

  it('sends an order card from the shopper’s orders, refusing malformed and other shoppers’ orders', async () => {
    const me = await guest(app)
    const [order] = await listOrdersFor(me.userId)
    const bad = await sendRaw(app, me, { clientMsgId: cid(), kind: 'order', orderNo: '12345' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.field).toBe('body.orderNo')
    const other = await guest(app)
    const [theirs] = await listOrdersFor(other.userId)
    const foreign = await sendRaw(app, me, { clientMsgId: cid(), kind: 'order', orderNo: theirs.orderNo })
    expect(foreign.statusCode).toBe(400)
    expect(foreign.json().error).toMatchObject({ code: 'ORDER_NOT_FOUND', field: 'body.orderNo' })

    const sent = await sendRaw(app, me, { clientMsgId: cid(), kind: 'order', orderNo: order.orderNo })
    expect(sent.statusCode).toBe(200)
    expect(sent.json()).toMatchObject({
      kind: 'order',
      orderNo: order.orderNo,
      order: {
        orderNo: order.orderNo,
        title: expect.stringContaining(order.items[0].name),
        status: order.status,
        amountCents: order.amount.fen,
      },
    })
    expect((await current(app, me)).orderNo).toBe(order.orderNo)
  })

  it('sends images only from the sender’s own uploads, with a link the other side can open', async () => {
    const me = await guest(app)
    const other = await guest(app)
    const theirs = await fakeUploadRow(app, other.userId)
    const stolen = await sendRaw(app, me, { clientMsgId: cid(), kind: 'image', uploadId: theirs })
    expect(stolen.statusCode).toBe(400)
    expect(stolen.json().error).toMatchObject({ code: 'UPLOAD_NOT_FOUND', field: 'body.uploadId' })
    const mine = await fakeUploadRow(app, me.userId)
    const image = await sendRaw(app, me, { clientMsgId: cid(), kind: 'image', uploadId: mine })
    expect(image.statusCode).toBe(200)
    expect(image.json()).toMatchObject({
      kind: 'image',
      uploadId: mine,
      imageUrl: expect.stringMatching(new RegExp(`^/api/uploads/${mine}\\?exp=\\d+&sig=`)),
    })
  })

  it('links the conversation to one of the shopper’s tickets, not to another’s', async () => {
    const me = await guest(app)
    const other = await guest(app)
    const mine = await submit(app, me, pointsBody())
    const theirs = await submit(app, other, pointsBody())
    const link = (ticketId: string) =>
      app.inject({ method: 'POST', url: '/api/chat/link', headers: { authorization: me.authorization }, payload: { ticketId } })
    const refused = await link(theirs.id)
    expect(refused.statusCode).toBe(400)
    expect(refused.json().error.field).toBe('body.ticketId')
    expect((await link(mine.id)).json()).toMatchObject({ ticketId: mine.id })
    const events = (await pollShopper(app, me, 'after=0')).messages.filter((m) => m.event?.type === 'linked')
    expect(events).toEqual([expect.objectContaining({ event: { type: 'linked', ticketId: mine.id } })])
  })

  it('answers a tapped faq quick reply with that entry', async () => {
    const me = await guest(app)
    const greeting = (await pollShopper(app, me, 'after=0')).messages[0]
    const qr = greeting.meta!.quickReplies.find((q) => q.action === 'faq')!
    const sent = await say(app, me, qr.label, { faqId: qr.payload })
    const reply = (await pollShopper(app, me, `after=${sent.seq}`)).messages[0]
    expect(reply.meta!.faqIds).toEqual([qr.payload])
  })

  describe('handoff', () => {
    async function handoffAfter(texts: string[]): Promise<{ me: Auth; status: string; serviceType: string | null }> {
      const me = await guest(app)
      for (const t of texts) await say(app, me, t)
      const conv = await current(app, me)
      return { me, status: conv.status, serviceType: conv.serviceType }
    }

    it('hands over when the shopper asks for a person', async () => {
      expect((await handoffAfter(['转人工'])).status).toBe('queued')
      expect((await handoffAfter(['I want to talk to a real person'])).status).toBe('queued')
    })

    it('hands over complaints, lost-parcel compensation and account blocks to the right queue', async () => {
      expect(await handoffAfter(['我要投诉你们的快递员态度太差'])).toMatchObject({ status: 'queued' })
      expect(await handoffAfter(['包裹丢了，我要求赔偿'])).toMatchObject({ status: 'queued', serviceType: 'logistics' })
      expect(await handoffAfter(['我的账号被冻结了登不上去'])).toMatchObject({ status: 'queued', serviceType: 'member' })
    })

    it('hands over after two answers that did not help, not after one', async () => {
      const once = await handoffAfter(['今天天气怎么样'])
      expect(once.status).toBe('bot')
      const twice = await handoffAfter(['今天天气怎么样', '你们公司在哪里'])
      expect(twice.status).toBe('queued')
    })

    it('keeps the bot in charge for an ordinary question', async () => {
      expect(await handoffAfter(['付款时提示支付失败'])).toMatchObject({ status: 'bot', serviceType: 'payment' })
    })

    it('puts the conversation in the queue on 转人工 with a position per service type, and stops the bot', async () => {
      const a = await guest(app)
      const b = await guest(app)
      const hand = (who: Auth) =>
        app.inject({
          method: 'POST',
          url: '/api/chat/handoff',
          headers: { authorization: who.authorization },
          payload: { serviceType: 'member' },
        })
      const first = (await hand(a)).json()
      const second = (await hand(b)).json()
      expect(first).toMatchObject({ status: 'queued', serviceType: 'member' })
      expect(second.queuePosition).toBe(first.queuePosition + 1)
      expect((await hand(b)).json().queuePosition).toBe(second.queuePosition)
      const sent = await say(app, b, '还要等多久')
      const page = await pollShopper(app, b, `after=${sent.seq}`)
      expect(page.messages).toEqual([])
      const events = (await pollShopper(app, b, 'after=0')).messages.filter((m) => m.kind === 'event')
      expect(events[0]).toMatchObject({ sender: 'system', event: { type: 'queued', serviceType: 'member' } })
    })
  })

  it('ends by the shopper, asks for a rating, accepts one rating per target, and starts anew on the next message', async () => {
    const me = await guest(app)
    const conv = await current(app, me)
    const end = await app.inject({ method: 'POST', url: '/api/chat/end', headers: { authorization: me.authorization } })
    expect(end.json()).toMatchObject({ status: 'ended', endedBy: 'shopper', rating: { requested: true, pending: ['bot'] } })
    const tail = await pollShopper(app, me, `conversationId=${conv.id}&after=1`)
    expect(tail.messages.map((m) => m.event?.type)).toEqual(['ended', 'rating_requested'])

    const rating = { conversationId: conv.id, target: 'bot', score: 4, comment: '<b>还行</b>', tags: ['fast'] }
    const rated = await app.inject({
      method: 'POST',
      url: '/api/chat/rating',
      headers: { authorization: me.authorization },
      payload: rating,
    })
    expect(rated.statusCode).toBe(200)
    expect(rated.json().rating).toMatchObject({
      pending: [],
      given: [{ target: 'bot', score: 4, comment: '<b>还行</b>', tags: ['fast'] }],
    })
    const again = await app.inject({
      method: 'POST',
      url: '/api/chat/rating',
      headers: { authorization: me.authorization },
      payload: rating,
    })
    expect(again.statusCode).toBe(409)
    const agentRating = await app.inject({
      method: 'POST',
      url: '/api/chat/rating',
      headers: { authorization: me.authorization },
      payload: { ...rating, target: 'agent' },
    })
    expect(agentRating.statusCode).toBe(400)
    expect(agentRating.json().error.field).toBe('body.target')
    const badScore = await app.inject({
      method: 'POST',
      url: '/api/chat/rating',
      headers: { authorization: me.authorization },
      payload: { ...rating, score: 6 },
    })
    expect(badScore.json().error.field).toBe('body.score')

    const next = await say(app, me, '你好')
    expect(next.conversationId).not.toBe(conv.id)
    expect(next.seq).toBe(2)

    // 会话记录: both conversations, newest first; the ended one still readable.
    const list = await app.inject({ url: '/api/chat/conversations', headers: { authorization: me.authorization } })
    expect(list.statusCode).toBe(200)
    expect(list.json().items.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
      [next.conversationId, 'bot'],
      [conv.id, 'ended'],
    ])
    const old = await pollShopper(app, me, `conversationId=${conv.id}&before=1000`)
    expect(old.messages.map((m) => m.event?.type ?? m.sender)).toEqual(['bot', 'ended', 'rating_requested'])
  })

  describe('IDOR', () => {
    it('a shopper cannot read, post to, mark or rate another shopper’s conversation', async () => {
      const owner = await guest(app)
      const intruder = await guest(app)
      const conv = await current(app, owner)
      await say(app, owner, '我的地址是北京市朝阳区')
      const read = await app.inject({
        url: `/api/chat/messages?conversationId=${conv.id}&after=0`,
        headers: { authorization: intruder.authorization },
      })
      expect(read.statusCode).toBe(404)
      expect(read.body).not.toContain('朝阳区')
      const mark = await app.inject({
        method: 'POST',
        url: '/api/chat/read',
        headers: { authorization: intruder.authorization },
        payload: { conversationId: conv.id, seq: 3 },
      })
      expect(mark.statusCode).toBe(404)
      const rateIt = await app.inject({
        method: 'POST',
        url: '/api/chat/rating',
        headers: { authorization: intruder.authorization },
        payload: { conversationId: conv.id, target: 'bot', score: 1 },
      })
      expect(rateIt.statusCode).toBe(404)
      // Posting always goes to the sender's own conversation, never to another's.
      const posted = await say(app, intruder, '你好')
      expect(posted.conversationId).not.toBe(conv.id)
      const after = await pollShopper(app, owner, 'after=0')
      expect(after.messages.every((m) => m.text !== '你好' || m.sender !== 'shopper')).toBe(true)
      expect(after.conversation.shopperReadSeq).toBe(1)
      const theirs = await app.inject({ url: '/api/chat/conversations', headers: { authorization: intruder.authorization } })
      expect(theirs.json().items.map((c: { id: string }) => c.id)).not.toContain(conv.id)
    })

    it('requires a signed-in shopper', async () => {
      expect((await app.inject({ url: '/api/chat' })).statusCode).toBe(401)
    })
  })
})
