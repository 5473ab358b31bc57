import { Readable } from 'node:stream'
import type { Database } from '../../db/database'
import { assertStorageKey, type UploadStorage } from './upload-storage'

/** Upload bytes in the `upload_blobs` table: shared by every instance on the same database, no extra server. */
export class DatabaseStorage implements UploadStorage {
  constructor(private readonly db: Database) {}

  async save(key: string, data: Buffer): Promise<void> {
    assertStorageKey(key)
    // A retried save of the same key replaces the bytes instead of failing on the primary key.
    await this.db
      .insertInto('upload_blobs')
      .values({ storage_key: key, data, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('storage_key').doUpdateSet({ data }))
      .execute()
  }

  async open(key: string): Promise<Readable | null> {
    assertStorageKey(key)
    const row = await this.db.selectFrom('upload_blobs').select('data').where('storage_key', '=', key).executeTakeFirst()
    return row ? Readable.from([Buffer.from(row.data)]) : null
  }

  async remove(key: string): Promise<void> {
    assertStorageKey(key)
    await this.db.deleteFrom('upload_blobs').where('storage_key', '=', key).execute()
  }
}
