import type { Readable } from 'node:stream'
import multipart from '@fastify/multipart'
import { Type } from 'typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { UploadFileQuerySchema, UploadParamsSchema, UploadSchema } from '../../../types/upload'
import { errorResponses } from '../../plugins/schemas'
import { every } from '../../plugins/periodic'
import { readSingleFile } from './multipart-file'
import { sweepUnattachedUploads } from './upload-cleanup'
import { UploadLinks } from './upload-links'
import { createUploadStorage } from './upload-storage.factory'
import * as uploads from './uploads.service'

/** Image uploads (ticket evidence, chat pictures) and their download. */
const uploadsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const deps: uploads.UploadsDeps = {
    db: app.db,
    storage: await createUploadStorage(app),
    links: new UploadLinks(app.db),
    bytesPerDay: app.config.limits.uploadBytesPerDay,
  }
  const maxBytes = app.config.uploadMaxBytes
  const { sweepSeconds, unattachedUploadHours } = app.config.cleanup
  every(app, sweepSeconds, 'unattached upload cleanup', () => sweepUnattachedUploads(app.db, deps.storage, unattachedUploadHours))
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1 } })

  app.post('/api/uploads', {
    schema: {
      tags: ['uploads'],
      summary: 'Upload one image (multipart field "file"; JPEG, PNG, WebP or GIF)',
      consumes: ['multipart/form-data'],
      response: { 201: UploadSchema, ...errorResponses(400, 401, 413, 415, 429) },
    },
    onRequest: app.requireUser,
    handler: async (req, reply) => {
      const file = await readSingleFile(req, maxBytes)
      const upload = await uploads.createUpload(deps, req.user!.id, file)
      if (req.user!.role === 'shopper') await app.imageModeration.submit(upload.id, req.user!.id)
      return reply.status(201).send(upload)
    },
  })

  app.get('/api/uploads/:id', {
    schema: {
      tags: ['uploads'],
      summary: 'The image bytes, for its owner, agents, or with a signed link from the upload',
      params: UploadParamsSchema,
      querystring: UploadFileQuerySchema,
      response: { 200: Type.Unsafe<Readable>({ type: 'string', format: 'binary' }), 304: Type.Null(), ...errorResponses(400, 404, 451) },
    },
    handler: async (req, reply) => {
      const { row, stream } = await uploads.openUpload(deps, req.params.id, req.user, req.query)
      const etag = `"${row.sha256}"`
      reply
        .header('x-content-type-options', 'nosniff')
        // An uploaded file must never run script or load anything, even if opened directly.
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('content-disposition', uploads.contentDisposition(row.filename))
        .header('cache-control', 'private, max-age=86400, immutable')
        .header('etag', etag)
      if (req.headers['if-none-match'] === etag) {
        stream.destroy()
        return reply.status(304).send(null)
      }
      return reply.type(row.content_type).header('content-length', row.size).send(stream)
    },
  })
}

export default uploadsRoutes
