import type { Readable } from 'node:stream'
import type { S3Client } from '@aws-sdk/client-s3'
import { assertStorageKey, type UploadStorage } from './upload-storage'
import type { S3Settings } from './upload-storage.config'

type S3Module = typeof import('@aws-sdk/client-s3')

function isMissing(err: unknown): boolean {
  const e = err as { name?: string; $metadata?: { httpStatusCode?: number } }
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404
}

/** Upload bytes in an S3 bucket (AWS or any S3-compatible store: MinIO, COS, OSS …), one object per key. */
export class S3Storage implements UploadStorage {
  private constructor(
    private readonly s3: S3Module,
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  /** Loads the SDK only when S3 is chosen, so disk and database deployments never pay for it. */
  static async create(settings: S3Settings): Promise<S3Storage> {
    const s3 = await import('@aws-sdk/client-s3')
    const client = new s3.S3Client({
      region: settings.region,
      endpoint: settings.endpoint ?? undefined,
      forcePathStyle: settings.forcePathStyle,
      credentials: settings.credentials ?? undefined,
      // Our keys are opaque ids, so the checksum headers newer SDKs add by default buy nothing and
      // are not understood by every S3-compatible store.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    })
    return new S3Storage(s3, client, settings.bucket)
  }

  async save(key: string, data: Buffer): Promise<void> {
    assertStorageKey(key)
    await this.client.send(new this.s3.PutObjectCommand({ Bucket: this.bucket, Key: key, Body: data, ContentLength: data.length }))
  }

  async open(key: string): Promise<Readable | null> {
    assertStorageKey(key)
    try {
      const out = await this.client.send(new this.s3.GetObjectCommand({ Bucket: this.bucket, Key: key }))
      return (out.Body as Readable | undefined) ?? null
    } catch (err) {
      if (isMissing(err)) return null
      throw err
    }
  }

  async remove(key: string): Promise<void> {
    assertStorageKey(key)
    // S3 answers 204 for a key that does not exist, so removing twice is fine.
    await this.client.send(new this.s3.DeleteObjectCommand({ Bucket: this.bucket, Key: key }))
  }

  /** Ends the client's keep-alive sockets. */
  close(): void {
    this.client.destroy()
  }
}
