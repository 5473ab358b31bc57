import { Type, type Static } from 'typebox'

/** Image types the server accepts; recognised by their first bytes, never by name. */
export const UPLOAD_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const
export type UploadContentType = (typeof UPLOAD_CONTENT_TYPES)[number]

/** The multipart field that carries the file (Taro.uploadFile `name`). */
export const UPLOAD_FIELD = 'file'

export const UploadSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  contentType: Type.Enum(UPLOAD_CONTENT_TYPES),
  size: Type.Integer({ minimum: 1, description: 'Bytes' }),
  width: Type.Union([Type.Integer(), Type.Null()], { description: 'Pixels, when the header says' }),
  height: Type.Union([Type.Integer(), Type.Null()]),
  filename: Type.String({ description: 'Sanitised original name' }),
  url: Type.String({
    description: 'Path of the file with a short-lived signature, usable where no Authorization header can be sent (<Image src>)',
  }),
  createdAt: Type.String({ format: 'date-time' }),
})
export type Upload = Static<typeof UploadSchema>

export const UploadParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) })

export const UploadFileQuerySchema = Type.Object({
  exp: Type.Optional(Type.Integer({ minimum: 0, description: 'Signature expiry (unix seconds)' })),
  sig: Type.Optional(Type.String({ maxLength: 128 })),
})
