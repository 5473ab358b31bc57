/** Where S3 lives and how to sign in to it. */
export interface S3Settings {
  bucket: string
  region: string
  /** An S3-compatible endpoint (MinIO, COS …); null means AWS for the region. */
  endpoint: string | null
  /** Bucket in the path (`endpoint/bucket/key`) instead of the host name; most non-AWS stores want it. */
  forcePathStyle: boolean
  /** Static keys; null uses the SDK's own chain (instance role, AWS_* variables). */
  credentials: { accessKeyId: string; secretAccessKey: string } | null
}

/** UPLOAD_STORAGE: disk (DATA_DIR/uploads), database (the upload_blobs table) or s3. */
export type UploadStorageConfig = { kind: 'disk' } | { kind: 'database' } | { kind: 's3'; s3: S3Settings }

type Fail = (message: string) => never

function readS3(env: NodeJS.ProcessEnv, production: boolean, fail: Fail): S3Settings {
  const bucket = env.S3_BUCKET ?? ''
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    fail(`S3_BUCKET must be a bucket name (3–63 lowercase letters, digits, '.', '-'), got "${bucket}"`)
  const endpoint = env.S3_ENDPOINT || null
  if (endpoint && !/^https?:\/\/[^/\s]+\/?$/.test(endpoint))
    fail(`S3_ENDPOINT must be an http(s) origin such as https://s3.example.com, got "${endpoint}"`)
  if (production && endpoint?.startsWith('http:') && !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(endpoint)) {
    fail('S3_ENDPOINT must use https in production: upload bytes and signed requests would cross the network in clear text')
  }
  const keyId = env.S3_ACCESS_KEY_ID ?? ''
  const secret = env.S3_SECRET_ACCESS_KEY ?? ''
  if (Boolean(keyId) !== Boolean(secret)) fail('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together')
  if (production && !env.S3_REGION) fail('S3_REGION must be set in production (the region the bucket lives in)')
  if (production && !keyId && !env.AWS_ACCESS_KEY_ID && !env.AWS_WEB_IDENTITY_TOKEN_FILE && !env.AWS_CONTAINER_CREDENTIALS_FULL_URI) {
    fail('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set in production (or the AWS credential variables of an instance role)')
  }
  const pathStyle = env.S3_FORCE_PATH_STYLE
  if (pathStyle && !['true', 'false', '1', '0'].includes(pathStyle)) fail(`S3_FORCE_PATH_STYLE must be true or false, got "${pathStyle}"`)
  return {
    bucket,
    region: env.S3_REGION || 'us-east-1',
    endpoint: endpoint ? endpoint.replace(/\/$/, '') : null,
    // A custom endpoint usually means a store without per-bucket host names.
    forcePathStyle: pathStyle ? pathStyle === 'true' || pathStyle === '1' : Boolean(endpoint),
    credentials: keyId ? { accessKeyId: keyId, secretAccessKey: secret } : null,
  }
}

/** Reads UPLOAD_STORAGE and, for s3, the S3_* variables; throws naming the variable to fix. */
export function readUploadStorage(env: NodeJS.ProcessEnv, production: boolean, fail: Fail): UploadStorageConfig {
  const kind = env.UPLOAD_STORAGE || 'disk'
  if (kind === 'disk' || kind === 'database') return { kind }
  if (kind === 's3') return { kind, s3: readS3(env, production, fail) }
  return fail(`UPLOAD_STORAGE must be disk, database or s3, got "${kind}"`)
}
