import type { FastifyInstance } from 'fastify'
import { findOwnedUploads } from '../../server/features/uploads/uploads.repository'
import { agent as signInAgent } from '../support/tickets'
import { gif, jpeg, multipart, png, webp, type Part } from '../support/images'
import { buildTestApp, guest } from '../support/server'
import { fakeS3Settings, startFakeS3, type FakeS3 } from '../support/fake-s3'
import type { UploadStorageConfig } from '../../server/features/uploads/upload-storage.config'

const STORAGES = ['disk', 'database', 's3'] as const

describe.each(STORAGES)(`uploads (${process.env.DATABASE_URL ? 'postgres' : 'sqlite'}, %s storage)`, (kind) => {
  let app: FastifyInstance
  let shopper: { authorization: string; userId: string }
  let s3: FakeS3 | undefined
  beforeAll(async () => {
    if (kind === 's3') s3 = await startFakeS3()
    const uploadStorage: UploadStorageConfig = s3 ? { kind: 's3', s3: fakeS3Settings(s3) } : { kind: kind as 'disk' | 'database' }
    app = await buildTestApp({ uploadMaxBytes: 4096, uploadStorage })
    shopper = await guest(app)
  })
  afterAll(async () => {
    await app.close()
    await s3?.close()
  })

  const post = (parts: Part[], authorization = shopper.authorization) => {
    const { payload, headers } = multipart(parts)
    return app.inject({ method: 'POST', url: '/api/uploads', payload, headers: { ...headers, authorization } })
  }

  it('stores a PNG and serves it back to its owner with safe headers', async () => {
    const bytes = png(3, 2)
    const res = await post([{ field: 'file', filename: '照片 1.png', contentType: 'image/png', data: bytes }])
    expect(res.statusCode).toBe(201)
    const upload = res.json()
    expect(upload).toMatchObject({ contentType: 'image/png', size: bytes.length, width: 3, height: 2, filename: '照片 1.png' })

    const file = await app.inject({ url: `/api/uploads/${upload.id}`, headers: { authorization: shopper.authorization } })
    expect(file.statusCode).toBe(200)
    expect(file.rawPayload.equals(bytes)).toBe(true)
    expect(file.headers['content-type']).toBe('image/png')
    expect(file.headers['x-content-type-options']).toBe('nosniff')
    expect(file.headers['content-disposition']).toBe(`inline; filename="__ 1.png"; filename*=UTF-8''${encodeURIComponent('照片 1.png')}`)
    expect(file.headers['cache-control']).toBe('private, max-age=86400, immutable')

    const again = await app.inject({
      url: `/api/uploads/${upload.id}`,
      headers: { authorization: shopper.authorization, 'if-none-match': String(file.headers.etag) },
    })
    expect(again.statusCode).toBe(304)
  })

  it('recognises JPEG, GIF and WebP by their bytes and reads their size', async () => {
    for (const [data, type, w, h] of [
      [jpeg(640, 480), 'image/jpeg', 640, 480],
      [gif(10, 12), 'image/gif', 10, 12],
      [webp(20, 30), 'image/webp', 20, 30],
    ] as const) {
      const res = await post([{ field: 'file', filename: 'x.bin', contentType: 'application/octet-stream', data }])
      expect(res.statusCode).toBe(201)
      expect(res.json()).toMatchObject({
        contentType: type,
        width: w,
        height: h,
        filename: `x.${type.split('/')[1].replace('jpeg', 'jpg')}`,
      })
    }
  })

  it('trusts the bytes, not the name or declared type', async () => {
    const disguised = await post([{ field: 'file', filename: 'page.html', contentType: 'text/html', data: png() }])
    expect(disguised.statusCode).toBe(201)
    expect(disguised.json()).toMatchObject({ contentType: 'image/png', filename: 'page.png' })

    const html = await post([{ field: 'file', filename: 'photo.jpg', contentType: 'image/jpeg', data: '<script>alert(1)</script>' }])
    expect(html.statusCode).toBe(415)
    expect(html.json().error).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', field: 'file' })
  })

  it('strips paths, quotes and control characters from the file name', async () => {
    const res = await post([{ field: 'file', filename: '..\\..\\evil"\r\nX-Injected: 1.png', data: png() }])
    expect(res.statusCode).toBe(201)
    const { id, filename } = res.json()
    expect(filename).not.toMatch(/[\\/"\r\n]/)
    const file = await app.inject({ url: `/api/uploads/${id}`, headers: { authorization: shopper.authorization } })
    expect(file.headers['x-injected']).toBeUndefined()
    expect(String(file.headers['content-disposition'])).toMatch(/^inline; filename="[^"\r\n]*"; filename\*=UTF-8''[^\s"]*$/)
  })

  it('answers 413 with a clear message above the size limit, read or declared', async () => {
    const big = Buffer.concat([png(), Buffer.alloc(5000)])
    const res = await post([{ field: 'file', filename: 'big.png', data: big }])
    expect(res.statusCode).toBe(413)
    expect(res.json().error).toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('MB') })

    const huge = Buffer.concat([png(), Buffer.alloc(200 * 1024)])
    const early = await post([{ field: 'file', filename: 'huge.png', data: huge }])
    expect(early.statusCode).toBe(413)
    expect(early.json().error.code).toBe('FILE_TOO_LARGE')
  })

  it('answers 400 for every multipart mistake, never 500', async () => {
    const cases: Array<[Part[], string]> = [
      [[{ field: 'note', data: 'just text' }], 'FILE_REQUIRED'],
      [
        [
          { field: 'file', filename: 'a.png', data: png() },
          { field: 'file', filename: 'b.png', data: png() },
        ],
        'TOO_MANY_FILES',
      ],
      [[{ field: 'file', filename: 'empty.png', data: Buffer.alloc(0) }], 'FILE_EMPTY'],
      [[{ field: 'image', filename: 'a.png', data: png() }], 'WRONG_FIELD'],
    ]
    for (const [parts, code] of cases) {
      const res = await post(parts)
      expect({ code, status: res.statusCode, got: res.json().error.code }).toEqual({ code, status: 400, got: code })
    }
    const json = await app.inject({ method: 'POST', url: '/api/uploads', headers: shopper, payload: { file: 'x' } })
    expect(json.statusCode).toBe(400)
    expect(json.json().error.code).toBe('MULTIPART_REQUIRED')

    const cut = multipart([{ field: 'file', filename: 'a.png', data: png() }])
    const truncated = await app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { ...cut.headers, authorization: shopper.authorization },
      payload: cut.payload.subarray(0, cut.payload.length - 30),
    })
    expect(truncated.statusCode).toBe(400)
    expect(truncated.json().error.code).toBe('MULTIPART_MALFORMED')
  })

  it('needs a signed-in user to upload', async () => {
    const res = await post([{ field: 'file', filename: 'a.png', data: png() }], '')
    expect(res.statusCode).toBe(401)
  })

  it('shows a file only to its owner, agents and signed links; others get 404', async () => {
    const { id, url } = (await post([{ field: 'file', filename: 'a.png', data: png() }])).json()
    const other = await guest(app)
    const staff = await signInAgent(app)
    const status = async (path: string, authorization?: string) =>
      (await app.inject({ url: path, headers: authorization ? { authorization } : {} })).statusCode

    expect(await status(`/api/uploads/${id}`, other.authorization)).toBe(404)
    expect(await status(`/api/uploads/${id}`)).toBe(404)
    expect(await status(`/api/uploads/${id}`, staff.authorization)).toBe(200)
    expect(await status(url)).toBe(200)
    expect(await status(url.replace(/sig=.{4}/, 'sig=AAAA'))).toBe(404)
    expect(await status(url.replace(/exp=\d+/, 'exp=1000'))).toBe(404)
    expect(await status(`/api/uploads/00000000-0000-4000-8000-000000000000`, shopper.authorization)).toBe(404)
    expect(await status(`/api/uploads/not-an-id`, shopper.authorization)).toBe(400)
  })

  it('findOwnedUploads returns only the owner’s uploads among the ids', async () => {
    const mine = (await post([{ field: 'file', filename: 'a.png', data: png() }])).json().id
    const other = await guest(app)
    const theirs = (await post([{ field: 'file', filename: 'b.png', data: png() }], other.authorization)).json().id
    const rows = await findOwnedUploads(app.db, shopper.userId, [mine, theirs, '00000000-0000-4000-8000-000000000000'])
    expect(rows.map((r) => r.id)).toEqual([mine])
    expect(rows[0]).toMatchObject({ owner_id: shopper.userId, content_type: 'image/png', size: png().length })
  })

  it('accepts a browser FormData upload over real HTTP (H5 and Taro.uploadFile)', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(jpeg(8, 6))], { type: 'image/jpeg' }), 'IMG_0001.JPG')
    const res = await fetch(`${address}/api/uploads`, { method: 'POST', body: form, headers: { authorization: shopper.authorization } })
    expect(res.status).toBe(201)
    const upload = (await res.json()) as { url: string }
    expect(upload).toMatchObject({ contentType: 'image/jpeg', width: 8, height: 6, filename: 'IMG_0001.jpg' })
    const file = await fetch(`${address}${upload.url}`)
    expect(file.status).toBe(200)
    expect(Buffer.from(await file.arrayBuffer()).equals(jpeg(8, 6))).toBe(true)
    // fetch keeps the connection alive; close it so app.close() need not wait for the idle timeout.
    app.server.closeAllConnections()
  })
})
