import http from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'

/** The one error body, as text, for answers written before Fastify has a request. */
function errorJson(code: string, message: string): string {
  return JSON.stringify({ error: { code, message } })
}

/**
 * Answers errors Node's HTTP parser raises before Fastify routes anything
 * (oversized headers or URL, malformed request lines) in the one error shape.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  let status = 400
  let body = errorJson('BAD_REQUEST', 'The request could not be read.')
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    status = 431
    body = errorJson('HEADERS_TOO_LARGE', 'The request headers or URL are too large.')
  } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408
    body = errorJson('REQUEST_TIMEOUT', 'The request took too long to arrive.')
  }
  if (socket.writable) {
    const head = `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n`
    socket.write(head + body)
  }
  socket.destroy()
}

/** Fastify's routing errors (bad percent-encoding, over-long path parameters) in the one shape. */
export function frameworkErrors(error: FastifyError, _req: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(414).send({ error: { code: 'URI_TOO_LONG', message: 'A path segment of this URL is too long.' } })
    return
  }
  void reply.status(400).send({ error: { code: 'BAD_URL', message: 'The URL is not validly encoded.' } })
}
