import net from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildTestApp, guest } from '../support/server'
import { cid, sendRaw } from '../support/chat'
import { agent, pointsBody } from '../support/tickets'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'
const errorShape = { error: { code: expect.any(String), message: expect.any(String) } }

/** Sends raw bytes to a listening server and returns the whole answer (the server closes). */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request))
    let data = ''
    socket.on('data', (chunk) => (data += chunk.toString()))
    socket.on('close', () => resolve(data))
    socket.on('error', reject)
  })
}

function bodyOf(answer: string): unknown {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))
}

describe(`control characters and non-finite numbers (${db})`, () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await buildTestApp()
  })
  afterAll(() => app.close())

  it('refuses NUL in chat text with a 400 naming the field, on both databases alike', async () => {
    const shopper = await guest(app)
    const res = await sendRaw(app, shopper, { clientMsgId: cid(), kind: 'text', text: 'hello\u0000world' })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toEqual({
      error: { code: 'CONTROL_CHARACTERS', message: expect.any(String), field: 'body.text', params: { field: 'body.text' } },
    })
  })

  it('refuses other C0 controls but keeps tabs and line breaks', async () => {
    const shopper = await guest(app)
    const bell = await sendRaw(app, shopper, { clientMsgId: cid(), kind: 'text', text: 'ring\u0007' })
    expect(bell.statusCode).toBe(400)
    const lines = await sendRaw(app, shopper, { clientMsgId: cid(), kind: 'text', text: '第一行\n第二行\t完' })
    expect(lines.statusCode).toBe(200)
    expect(lines.json().text).toBe('第一行\n第二行\t完')
  })

  it('refuses NUL in a ticket, in an agent login and in a query parameter', async () => {
    const shopper = await guest(app)
    const ticket = await app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { authorization: shopper.authorization, 'idempotency-key': 'k-nul-1' },
      payload: pointsBody('积分\u0000没有到账，请帮忙查询'),
    })
    expect(ticket.statusCode).toBe(400)
    expect(ticket.json().error.code).toBe('CONTROL_CHARACTERS')
    const login = await app.inject({ method: 'POST', url: '/api/auth/agent', payload: { username: 'a\u0000b', password: 'x' } })
    expect(login.statusCode).toBe(400)
    expect(login.json().error).toMatchObject({ code: 'CONTROL_CHARACTERS', field: 'body.username' })
    const list = await app.inject({ url: '/api/tickets?cursor=%00', headers: { authorization: shopper.authorization } })
    expect(list.statusCode).toBe(400)
    expect(list.json().error).toMatchObject({ code: 'CONTROL_CHARACTERS', field: 'querystring.cursor' })
  })

  it('answers limit=1e309 and utcOffset=1e309 with a 400, not a 500', async () => {
    const shopper = await guest(app)
    const staff = await agent(app)
    for (const url of ['/api/tickets?limit=1e309', '/api/tickets?limit=Infinity', '/api/tickets?limit=-1e309']) {
      const res = await app.inject({ url, headers: { authorization: shopper.authorization } })
      expect(res.statusCode).toBe(400)
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'querystring.limit' })
    }
    const overview = await app.inject({
      url: '/api/agent/overview?range=today&utcOffset=1e309',
      headers: { authorization: staff.authorization },
    })
    expect(overview.statusCode).toBe(400)
    expect(overview.json()).toMatchObject(errorShape)
  })
})

describe(`Fastify's own errors in the one shape (${db})`, () => {
  let app: FastifyInstance
  let port: number
  beforeAll(async () => {
    app = await buildTestApp()
    await app.listen({ port: 0, host: '127.0.0.1' })
    port = (app.server.address() as net.AddressInfo).port
  })
  afterAll(() => app.close())

  it('answers oversized headers with 431 in the error shape', async () => {
    const answer = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)
    expect(answer).toMatch(/^HTTP\/1.1 431/)
    expect(bodyOf(answer)).toEqual({ error: { code: 'HEADERS_TOO_LARGE', message: expect.any(String) } })
  })

  it('answers an over-long path segment with 414 and a bad percent-encoding with 400, both in the shape', async () => {
    const long = await rawRequest(port, `GET /api/tickets/${'a'.repeat(200)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    expect(long).toMatch(/^HTTP\/1.1 414/)
    expect(bodyOf(long)).toEqual({ error: { code: 'URI_TOO_LONG', message: expect.any(String) } })
    const bad = await rawRequest(port, `GET /api/tickets/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
    expect(bad).toMatch(/^HTTP\/1.1 400/)
    expect(bodyOf(bad)).toEqual({ error: { code: 'BAD_URL', message: expect.any(String) } })
  })

  it('answers a garbled request line with 400 in the shape', async () => {
    const answer = await rawRequest(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n`)
    expect(answer).toMatch(/^HTTP\/1.1 400/)
    expect(bodyOf(answer)).toEqual({ error: { code: 'BAD_REQUEST', message: expect.any(String) } })
  })

  it('answers an unsupported content type and an unknown route in the shape', async () => {
    const type = await app.inject({ method: 'POST', url: '/api/auth/guest', headers: { 'content-type': 'text/xml' }, payload: '<a/>' })
    expect(type.statusCode).toBe(415)
    expect(type.json()).toEqual(errorShape)
    const missing = await app.inject({ method: 'DELETE', url: '/nowhere' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual(errorShape)
  })
})
