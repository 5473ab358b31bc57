import type { FastifyRequest } from 'fastify'
import { UPLOAD_FIELD } from '../../../types/upload'
import { HttpError } from '../../plugins/errors'

// Room for the multipart boundaries and part headers around the file itself.
const ENVELOPE_BYTES = 64 * 1024

/** Reads exactly one file from the `file` field of a multipart body, up to `maxBytes`. */
export async function readSingleFile(req: FastifyRequest, maxBytes: number): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart()) {
    throw new HttpError(400, 'MULTIPART_REQUIRED', `Send the image as multipart/form-data in the field "${UPLOAD_FIELD}".`, undefined, {
      params: { field: UPLOAD_FIELD },
    })
  }
  const declared = Number(req.headers['content-length'])
  if (declared > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes)
  let found: { filename: string; data: Buffer } | null = null
  try {
    const parts = req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 12, fieldSize: 4096 } })
    for await (const part of parts) {
      if (part.type !== 'file') continue
      if (part.fieldname !== UPLOAD_FIELD) {
        part.file.resume()
        throw new HttpError(400, 'WRONG_FIELD', `Send the image in the field "${UPLOAD_FIELD}", not "${part.fieldname}".`, UPLOAD_FIELD, {
          params: { field: UPLOAD_FIELD, got: part.fieldname },
        })
      }
      found = { filename: part.filename, data: await part.toBuffer() }
    }
  } catch (err) {
    throw multipartError(err, maxBytes)
  }
  if (!found)
    throw new HttpError(400, 'FILE_REQUIRED', `Attach one image in the field "${UPLOAD_FIELD}".`, UPLOAD_FIELD, {
      params: { field: UPLOAD_FIELD },
    })
  return found
}

function tooLarge(maxBytes: number): HttpError {
  const mb = Math.round((maxBytes / 1024 / 1024) * 10) / 10
  return new HttpError(413, 'FILE_TOO_LARGE', `The image is larger than ${mb} MB.`, UPLOAD_FIELD, {
    params: { maxMb: mb },
  })
}

/** The multipart parser's failures, as the client's mistakes they are. */
function multipartError(err: unknown, maxBytes: number): HttpError {
  if (err instanceof HttpError) return err
  const code = (err as { code?: string }).code
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(maxBytes)
  if (code === 'FST_FILES_LIMIT') return new HttpError(400, 'TOO_MANY_FILES', 'Send one image per request.', UPLOAD_FIELD)
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    return new HttpError(400, 'TOO_MANY_PARTS', 'The form has too many fields; send only the image.')
  }
  const reason = err instanceof Error ? err.message : String(err)
  return new HttpError(400, 'MULTIPART_MALFORMED', `The multipart body could not be read (${reason}).`, undefined, {
    params: { reason },
  })
}
