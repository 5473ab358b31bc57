import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { DatabaseStorage } from './database-storage'
import { S3Storage } from './s3-storage'
import { DiskStorage, type UploadStorage } from './upload-storage'

/** The store UPLOAD_STORAGE names; an S3 client closes with the app. */
export async function createUploadStorage(app: FastifyInstance): Promise<UploadStorage> {
  const choice = app.config.uploadStorage
  if (choice.kind === 'database') return new DatabaseStorage(app.db)
  if (choice.kind === 's3') {
    const storage = await S3Storage.create(choice.s3)
    app.addHook('onClose', async () => storage.close())
    return storage
  }
  return new DiskStorage(path.join(app.config.dataDir, 'uploads'))
}
