import type { FastifyError, FastifyInstance } from 'fastify'
import { isErrorCode, type ErrorCode, type ErrorParams } from '../../types/error-codes'

/** What an error carries besides its code: the values its text is built from, and extra facts. */
export interface HttpErrorExtra {
  /** Values the client puts into its translated text (`t('errors.<CODE>', params)`). */
  params?: ErrorParams
  details?: unknown
}

/** An error a client caused or should know about; becomes `{ error: { code, message, field?, params? } }`. */
export class HttpError extends Error {
  readonly params?: ErrorParams
  readonly details?: unknown

  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    extra: HttpErrorExtra = {},
  ) {
    super(message)
    this.params = extra.params
    this.details = extra.details
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
          ...(err.params ? { params: err.params } : {}),
          ...(err.details !== undefined ? { details: err.details } : {}),
        },
      })
    }
    const fe = err as FastifyError
    if (fe.validation && fe.validation.length > 0) {
      const first = fe.validation[0] as ValidationItem
      const field = fieldOf(fe.validationContext, first)
      const limit = first.params?.limit
      const params: ErrorParams = typeof limit === 'number' ? { field, limit } : { field }
      return reply.status(400).send({
        error: { code: 'VALIDATION_FAILED', message: `${field}: ${first.message ?? 'is invalid'}`, field, params },
      })
    }
    const status = fe.statusCode ?? 500
    if (status >= 400 && status < 500) {
      // Only documented codes reach clients; a plugin's own code falls back to the status's.
      const code = fe.code && isErrorCode(fe.code) ? fe.code : codeForStatus(status)
      return reply.status(status).send({ error: { code, message: fe.message } })
    }
    request.log.error({ err }, 'unhandled error')
    return reply.status(500).send({ error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' } })
  })
}

function codeForStatus(status: number): ErrorCode {
  const codes: Record<number, ErrorCode> = {
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
