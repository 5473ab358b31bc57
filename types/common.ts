import { Type, type Static } from 'typebox'

/** Every error the API returns has this shape; `code` is stable, `message` is English for API clients; apps render `code` + `params`. */
export const ErrorBodySchema = Type.Object({
  error: Type.Object({
    code: Type.String({ description: 'Stable machine-readable code, e.g. VALIDATION_FAILED' }),
    message: Type.String({ description: 'Human-readable explanation' }),
    field: Type.Optional(Type.String({ description: 'The offending field, when one is to blame' })),
    params: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
        description: 'Values the translated text needs (types/error-codes.json lists them per code)',
      }),
    ),
    details: Type.Optional(Type.Unknown()),
  }),
})
export type ErrorBody = Static<typeof ErrorBodySchema>

export const HealthSchema = Type.Object({
  status: Type.Literal('ok'),
  database: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
  time: Type.String({ format: 'date-time' }),
})
export type Health = Static<typeof HealthSchema>

/** Cursor pagination shared by every list endpoint. */
export const PageQuerySchema = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
})
