import fc from 'fast-check'

/** The JSON Schema subset TypeBox emits for this API. */
interface Schema {
  type?: string | string[]
  properties?: Record<string, Schema>
  required?: string[]
  items?: Schema
  enum?: unknown[]
  const?: unknown
  anyOf?: Schema[]
  minimum?: number
  maximum?: number
  maxLength?: number
  format?: string
}

/** Strings that have broken servers before: NUL and other controls, overflowing numbers, markup, odd Unicode. */
export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '1e309',
  '-1e309',
  'Infinity',
  'NaN',
  '-0',
  '9007199254740993',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '\ud800',
  '🧧'.repeat(50),
  ' ',
  '',
  '00000000-0000-0000-0000-000000000000',
]
const hostileStrings = fc.constantFrom(...HOSTILE_STRINGS)

/** Every hostile value a single field is tried with, whatever its declared type. */
export const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  0,
  2 ** 53 + 1,
  true,
  null,
  [],
  {},
  ['a', 'b'],
  { a: { b: 1 } },
]

const anyScalar = fc.oneof(
  hostileStrings,
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.MAX_SAFE_INTEGER + 2),
  fc.boolean(),
  fc.constant(null),
)

const anything: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  anyScalar,
  fc.array(anyScalar, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), anyScalar, { maxKeys: 3 }),
)

/** Values that mostly fit the schema's shape, with hostile or wrong-typed values mixed in. */
export function valueFor(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return anything
  const fitting = fittingValue(schema, depth)
  return fc.oneof({ weight: 8, arbitrary: fitting }, { weight: 1, arbitrary: anything })
}

function fittingValue(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...schema.enum)
  if (schema.anyOf && schema.anyOf.length > 0) return fc.oneof(...schema.anyOf.map((s) => valueFor(s, depth + 1)))
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return fc.oneof(fc.uuid(), hostileStrings)
      if (schema.format === 'date-time')
        return fc.oneof(
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          hostileStrings,
        )
      return fc.oneof(fc.string({ maxLength: Math.min(schema.maxLength ?? 60, 200) }), hostileStrings)
    case 'integer':
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000 }),
        fc.constantFrom(Number.POSITIVE_INFINITY, -1, 0, 2 ** 53),
      )
    case 'number':
      return fc.oneof(fc.double(), fc.constantFrom(Number.POSITIVE_INFINITY, Number.NaN))
    case 'boolean':
      return fc.boolean()
    case 'array':
      return fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 })
    case 'object':
      return objectFor(schema, depth)
    default:
      return anything
  }
}

function objectFor(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {}
  const keys = Object.keys(props)
  if (keys.length === 0) return fc.dictionary(fc.string({ maxLength: 8 }), anyScalar, { maxKeys: 3 })
  const model = Object.fromEntries(keys.map((k) => [k, valueFor(props[k], depth + 1)]))
  return fc.record(model, { requiredKeys: [] })
}

/** A query string from generated values (arrays repeat the key), as a browser would send it. */
export function toQuery(values: unknown): string {
  if (!values || typeof values !== 'object') return ''
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(values as Record<string, unknown>)) {
    for (const item of Array.isArray(v) ? v : [v])
      params.append(k, item !== null && typeof item === 'object' ? JSON.stringify(item) : String(item))
  }
  const s = params.toString()
  return s ? `?${s}` : ''
}

/** JSON text that keeps overflowing numbers as the literal 1e309 / -1e309 (JSON.stringify would write null). */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value ?? {}, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? null : v > 0 ? '__POS_INF__' : '__NEG_INF__') : v,
  )
  return text.replace(/"__POS_INF__"/g, '1e309').replace(/"__NEG_INF__"/g, '-1e309')
}

/** Top-level property names of an object schema. */
export function fieldsOf(schema: Schema | undefined): string[] {
  return Object.keys(schema?.properties ?? {})
}
