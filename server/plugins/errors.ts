import type { FastifyError, FastifyInstance } from 'fastify'

/** An error a client caused or should know about; becomes `{ error: { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

interface ValidationItem {
  instancePath?: string
  message?: string
  params?: Record<string, unknown>
}

/** Turns ajv's report into the field a person would name ("body.orderNo"). */
function fieldOf(context: string | undefined, item: ValidationItem): string {
  const missing = typeof item.params?.missingProperty === 'string' ? `/${item.params.missingProperty}` : ''
  const extra = typeof item.params?.additionalProperty === 'string' ? `/${item.params.additionalProperty}` : ''
  const pointer = `${item.instancePath ?? ''}${missing}${extra}`
  const dotted = pointer.split('/').filter(Boolean).join('.')
  return [context, dotted].filter(Boolean).join('.') || (context ?? 'request')
}

/** One place that maps every failure to JSON and never leaks a stack trace. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    if (err instanceof HttpError) {
      const retry = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds
      if (err.statusCode === 429 && typeof retry === 'number') void reply.header('retry-after', String(retry))
      return reply.status(err.statusCode).send({
        error: {
          code: err.code,
          message: err.message,
          ...(err.field ? { field: err.field } : {}),
          ...(err.details !== undefined ? { details: err.details } : {}),
        },
      })
    }
    const fe = err as FastifyError
    if (fe.validation && fe.validation.length > 0) {
      const first = fe.validation[0] as ValidationItem
      const field = fieldOf(fe.validationContext, first)
      return reply.status(400).send({
        error: { code: 'VALIDATION_FAILED', message: `${field}: ${first.message ?? 'is invalid'}`, field },
      })
    }
    const status = fe.statusCode ?? 500
    if (status >= 400 && status < 500) {
      const code = fe.code && !fe.code.startsWith('FST_ERR') ? fe.code : codeForStatus(status)
      return reply.status(status).send({ error: { code, message: fe.message } })
    }
    request.log.error({ err }, 'unhandled error')
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } })
  })
}

function codeForStatus(status: number): string {
  const codes: Record<number, string> = {
    400: 'BAD_REQUEST',
    401: 'UNAUTHORIZED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    406: 'NOT_ACCEPTABLE',
    409: 'CONFLICT',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'RATE_LIMITED',
  }
  return codes[status] ?? 'BAD_REQUEST'
}
