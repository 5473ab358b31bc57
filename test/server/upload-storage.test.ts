import type { FastifyInstance } from 'fastify'
import { loadConfig } from '../../server/config'
import { fakeS3Settings, startFakeS3, type FakeS3 } from '../support/fake-s3'
import { multipart, png } from '../support/images'
import { buildTestApp, guest } from '../support/server'

const db = process.env.DATABASE_URL ? 'postgres' : 'sqlite'

async function upload(app: FastifyInstance, authorization: string, data: Buffer): Promise<{ id: string }> {
  const { payload, headers } = multipart([{ field: 'file', filename: 'a.png', contentType: 'image/png', data }])
  const res = await app.inject({ method: 'POST', url: '/api/uploads', payload, headers: { ...headers, authorization } })
  expect(res.statusCode).toBe(201)
  return res.json()
}

describe(`shared upload stores (${db})`, () => {
  it('database: the bytes live in the database, so a second app on it serves them', async () => {
    const first = await buildTestApp({ uploadStorage: { kind: 'database' } })
    try {
      const s = await guest(first)
      const bytes = png(5, 4)
      const { id } = await upload(first, s.authorization, bytes)
      const rows = await first.db.selectFrom('upload_blobs').select(['storage_key', 'data']).execute()
      expect(rows.map((r) => Buffer.from(r.data).equals(bytes))).toEqual([true])
      if (db === 'postgres') {
        // Another instance with its own (empty) data directory on the same PostgreSQL.
        const second = await buildTestApp(
          { uploadStorage: { kind: 'database' }, databaseUrl: first.config.databaseUrl },
          {
            config: { databaseUrl: first.config.databaseUrl },
            drop: async () => undefined,
          },
        )
        try {
          const file = await second.inject({ url: `/api/uploads/${id}`, headers: { authorization: s.authorization } })
          expect(file.statusCode).toBe(200)
          expect(file.rawPayload.equals(bytes)).toBe(true)
        } finally {
          await second.close()
        }
      }
    } finally {
      await first.close()
    }
  })

  describe('s3', () => {
    let s3: FakeS3
    let app: FastifyInstance
    beforeAll(async () => {
      s3 = await startFakeS3()
      app = await buildTestApp({ uploadStorage: { kind: 's3', s3: fakeS3Settings(s3) } })
    })
    afterAll(async () => {
      await app.close()
      await s3.close()
    })

    it('puts each upload in the bucket as one object and reads it back from there', async () => {
      const s = await guest(app)
      const bytes = png(7, 3)
      const { id } = await upload(app, s.authorization, bytes)
      const key = [...s3.objects.keys()].find((k) => k.endsWith(id))
      expect(key).toBe(`${id.slice(0, 2)}/${id}`)
      expect(s3.objects.get(key!)!.equals(bytes)).toBe(true)
      // Not cached anywhere else: a changed object is what the next download sends.
      const changed = png(9, 9)
      s3.objects.set(key!, changed)
      const file = await app.inject({ url: `/api/uploads/${id}`, headers: { authorization: s.authorization } })
      expect(file.statusCode).toBe(200)
      expect(file.rawPayload.equals(changed)).toBe(true)
      expect(s3.calls).toEqual(expect.arrayContaining([`PUT ${key}`, `GET ${key}`]))
    })

    it('answers 404 for an upload whose object has gone from the bucket', async () => {
      const s = await guest(app)
      const { id } = await upload(app, s.authorization, png(2, 2))
      s3.objects.clear()
      const file = await app.inject({ url: `/api/uploads/${id}`, headers: { authorization: s.authorization } })
      expect(file.statusCode).toBe(404)
      expect(file.json().error.code).toBe('UPLOAD_NOT_FOUND')
    })

    it('refuses an upload with a clear error when the bucket rejects the signature, and keeps no record', async () => {
      const wrongKey = await buildTestApp({
        uploadStorage: { kind: 's3', s3: { ...fakeS3Settings(s3), credentials: { accessKeyId: 'AKIDOTHER', secretAccessKey: 'x' } } },
      })
      try {
        const s = await guest(wrongKey)
        const { payload, headers } = multipart([{ field: 'file', filename: 'a.png', contentType: 'image/png', data: png(2, 2) }])
        const res = await wrongKey.inject({
          method: 'POST',
          url: '/api/uploads',
          payload,
          headers: { ...headers, authorization: s.authorization },
        })
        expect(res.statusCode).toBe(500)
        expect(res.json().error.code).toBe('INTERNAL')
        expect(await wrongKey.db.selectFrom('uploads').select('id').execute()).toEqual([])
      } finally {
        await wrongKey.close()
      }
    })
  })
})

// The app's ProcessEnv type also names build-time variables the server never reads.
const asEnv = (vars: Record<string, string | undefined>) => vars as NodeJS.ProcessEnv

describe('upload store settings', () => {
  const s3Env = {
    UPLOAD_STORAGE: 's3',
    S3_BUCKET: 'desk-uploads',
    S3_REGION: 'ap-shanghai',
    S3_ACCESS_KEY_ID: 'AKID',
    S3_SECRET_ACCESS_KEY: 'secret',
  }

  it('reads disk (the default), database and s3', () => {
    expect(loadConfig(asEnv({})).uploadStorage).toEqual({ kind: 'disk' })
    expect(loadConfig(asEnv({ UPLOAD_STORAGE: 'database' })).uploadStorage).toEqual({ kind: 'database' })
    expect(loadConfig(asEnv({ ...s3Env, S3_ENDPOINT: 'https://cos.ap-shanghai.myqcloud.com' })).uploadStorage).toEqual({
      kind: 's3',
      s3: {
        bucket: 'desk-uploads',
        region: 'ap-shanghai',
        endpoint: 'https://cos.ap-shanghai.myqcloud.com',
        forcePathStyle: true,
        credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      },
    })
    expect(loadConfig(asEnv({ ...s3Env, S3_FORCE_PATH_STYLE: 'false' })).uploadStorage).toMatchObject({
      s3: { forcePathStyle: false, endpoint: null },
    })
  })

  it.each([
    [{ UPLOAD_STORAGE: 'nfs' }, /UPLOAD_STORAGE must be disk, database or s3/],
    [{ ...s3Env, S3_BUCKET: '' }, /S3_BUCKET/],
    [{ ...s3Env, S3_BUCKET: 'Bad_Bucket' }, /S3_BUCKET/],
    [{ ...s3Env, S3_SECRET_ACCESS_KEY: '' }, /S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together/],
    [{ ...s3Env, S3_ENDPOINT: 'ftp://store' }, /S3_ENDPOINT/],
    [{ ...s3Env, S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE/],
  ])('refuses bad settings %#', (env, message) => {
    expect(() => loadConfig(asEnv(env))).toThrow(message)
  })

  it('refuses incomplete S3 settings in production', () => {
    const production = { NODE_ENV: 'production', WECHAT_LOGIN: 'off' }
    const check = (env: Record<string, string>) => () => loadConfig(asEnv({ ...production, ...env }))
    expect(check({ ...s3Env, S3_REGION: '' })).toThrow(/S3_REGION must be set in production/)
    expect(check({ ...s3Env, S3_ACCESS_KEY_ID: '', S3_SECRET_ACCESS_KEY: '' })).toThrow(/must be set in production/)
    expect(check({ ...s3Env, S3_ENDPOINT: 'http://minio.internal:9000' })).toThrow(/https in production/)
    expect(check(s3Env)).not.toThrow()
  })
})
