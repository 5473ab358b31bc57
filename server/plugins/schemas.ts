import { ErrorBodySchema } from '../../types/common'

/** Declares the error statuses a route can answer with, all in the one error shape. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorBodySchema> {
  return Object.fromEntries(statuses.map((s) => [s, ErrorBodySchema]))
}
