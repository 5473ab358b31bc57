import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** What a test needs to point the real S3 client at the fake. */
export interface FakeS3 {
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** Stored objects by key. */
  objects: Map<string, Buffer>
  /** Every request as `METHOD key`, in order. */
  calls: string[]
  close(): Promise<void>
}

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([a-z0-9-]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=[0-9a-f]{64}$/

function xmlError(res: http.ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** Why a request's SigV4 headers are not what a real S3 accepts, or null when they are. */
function authProblem(req: http.IncomingMessage, s3: FakeS3, body: Buffer): string | null {
  const m = AUTH.exec(String(req.headers.authorization ?? ''))
  if (!m) return 'Authorization is not an AWS4-HMAC-SHA256 header'
  const [, keyId, day, region, signed] = m
  if (keyId !== s3.accessKeyId) return `unknown access key ${keyId}`
  if (region !== s3.region) return `signed for region ${region}`
  const amzDate = String(req.headers['x-amz-date'] ?? '')
  if (!/^\d{8}T\d{6}Z$/.test(amzDate) || !amzDate.startsWith(day)) return 'x-amz-date missing or not the credential day'
  const headers = signed.split(';')
  for (const h of ['host', 'x-amz-date', 'x-amz-content-sha256']) if (!headers.includes(h)) return `${h} is not signed`
  const payloadHash = String(req.headers['x-amz-content-sha256'] ?? '')
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== crypto.createHash('sha256').update(body).digest('hex')) {
    return 'x-amz-content-sha256 does not match the body'
  }
  return null
}

/**
 * A local server speaking the slice of the S3 REST protocol uploads use — PutObject, GetObject,
 * HeadObject, DeleteObject on path-style URLs (`/bucket/key`) — checking each request's SigV4
 * header shape, so the real @aws-sdk/client-s3 can be pointed at it.
 */
export async function startFakeS3(): Promise<FakeS3> {
  // The pinned SDK tells Node 20 users once that later SDK versions need Node 22; not news in a test run.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
  const s3: FakeS3 = {
    endpoint: '',
    bucket: 'service-desk-test',
    region: 'cn-north-1',
    accessKeyId: 'AKIDFAKE0000000000',
    secretAccessKey: crypto.randomBytes(20).toString('hex'),
    objects: new Map(),
    calls: [],
    close: async () => undefined,
  }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const url = new URL(req.url ?? '/', 'http://fake')
      const [, bucket, ...rest] = url.pathname.split('/')
      const key = decodeURIComponent(rest.join('/'))
      s3.calls.push(`${req.method} ${key}`)
      const problem = authProblem(req, s3, body)
      if (problem) return xmlError(res, 403, 'SignatureDoesNotMatch', problem)
      if (bucket !== s3.bucket) return xmlError(res, 404, 'NoSuchBucket', 'The specified bucket does not exist')
      if (!key) return xmlError(res, 400, 'InvalidRequest', 'A key is required')
      const stored = s3.objects.get(key)
      const etag = stored ? `"${crypto.createHash('md5').update(stored).digest('hex')}"` : ''
      switch (req.method) {
        case 'PUT':
          s3.objects.set(key, body)
          res.writeHead(200, { etag: `"${crypto.createHash('md5').update(body).digest('hex')}"`, 'content-length': 0 })
          return res.end()
        case 'GET':
          if (!stored) return xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.')
          res.writeHead(200, { etag, 'content-type': 'application/octet-stream', 'content-length': stored.length })
          return res.end(stored)
        case 'HEAD':
          res.writeHead(stored ? 200 : 404, stored ? { etag, 'content-length': stored.length } : {})
          return res.end()
        case 'DELETE':
          s3.objects.delete(key)
          res.writeHead(204)
          return res.end()
        default:
          return xmlError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.')
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  s3.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  s3.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    })
  return s3
}

/** The S3 settings that point the real client at `s3`. */
export function fakeS3Settings(s3: FakeS3) {
  return {
    bucket: s3.bucket,
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  }
}
