import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import type { Readable } from 'node:stream'

/**
 * Where upload bytes live. The database keeps the metadata; any implementation that all
 * instances can reach (a shared volume, an object store) lets several servers serve the files.
 */
export interface UploadStorage {
  /** Stores the bytes under `key`, all or nothing. */
  save(key: string, data: Buffer): Promise<void>
  /** A stream of the bytes, or null when the key is unknown. */
  open(key: string): Promise<Readable | null>
  remove(key: string): Promise<void>
}

/** Keys are `ab/uuid`; anything else is a bug, never a path to follow. */
export function assertStorageKey(key: string): void {
  if (!/^[a-z0-9][a-z0-9/-]{0,199}$/.test(key) || key.includes('..')) throw new Error(`bad storage key ${key}`)
}

/** Files under a directory (DATA_DIR/uploads); mount it on shared storage for several instances. */
export class DiskStorage implements UploadStorage {
  constructor(private readonly dir: string) {}

  private pathOf(key: string): string {
    assertStorageKey(key)
    return path.join(this.dir, key)
  }

  async save(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key)
    await fs.promises.mkdir(path.dirname(file), { recursive: true })
    // Write then rename, so a reader never sees half a file, even on another instance.
    const tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`
    await fs.promises.writeFile(tmp, data, { flag: 'wx' })
    await fs.promises.rename(tmp, file)
  }

  async open(key: string): Promise<Readable | null> {
    const file = this.pathOf(key)
    try {
      const handle = await fs.promises.open(file, 'r')
      return handle.createReadStream()
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
  }

  async remove(key: string): Promise<void> {
    await fs.promises.rm(this.pathOf(key), { force: true })
  }
}
