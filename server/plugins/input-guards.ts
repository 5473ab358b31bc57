import type { FastifyInstance } from 'fastify'
import { HttpError } from './errors'

// C0 controls and DEL, except tab, line feed and carriage return (people type those).
// PostgreSQL cannot store NUL in text while SQLite can, so refusing them here keeps both alike.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/

/** The dotted path of the first string (or key) holding a control character, or null. */
export function findControlCharacter(value: unknown, at: string, depth = 0): string | null {
  if (typeof value === 'string') return CONTROL.test(value) ? at : null
  if (depth > 32 || value === null || typeof value !== 'object') return null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findControlCharacter(value[i], `${at}.${i}`, depth + 1)
      if (hit) return hit
    }
    return null
  }
  for (const [key, item] of Object.entries(value)) {
    if (CONTROL.test(key)) return at
    const hit = findControlCharacter(item, `${at}.${key}`, depth + 1)
    if (hit) return hit
  }
  return null
}

/** The dotted path of the first NaN or ±Infinity after schema coercion, or null. */
export function findNonFinite(value: unknown, at: string, depth = 0): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : at
  if (depth > 32 || value === null || typeof value !== 'object') return null
  for (const [key, item] of Object.entries(value)) {
    const hit = findNonFinite(item, `${at}.${key}`, depth + 1)
    if (hit) return hit
  }
  return null
}

/** Refuses control characters in body, query and path before any schema or database sees them, and non-finite numbers after. */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const parts: [string, unknown][] = [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ]
    for (const [name, value] of parts) {
      const field = findControlCharacter(value, name)
      if (field) {
        throw new HttpError(400, 'CONTROL_CHARACTERS', `${field}: control characters (such as NUL) are not allowed.`, field, {
          params: { field },
        })
      }
    }
  })
  // ajv coerces "1e309" to Infinity and lets it pass integer and maximum checks.
  app.addHook('preHandler', async (req) => {
    const parts: [string, unknown][] = [
      ['params', req.params],
      ['querystring', req.query],
      ['body', req.body],
    ]
    for (const [name, value] of parts) {
      const field = findNonFinite(value, name)
      if (field) throw new HttpError(400, 'VALIDATION_FAILED', `${field}: must be a finite number`, field)
    }
  })
}
