import crypto from 'node:crypto'
import type { Database } from '../../db/database'

const SECRET_KEY = 'upload_link_secret'
const HOUR = 3600
/** No link lives longer than pathFor makes them, whatever expiry a caller writes in. */
export const MAX_LINK_SECONDS = 2 * HOUR

/**
 * Signed file links for places that cannot send an Authorization header (<Image src>, previews).
 * The secret lives in the database, so every instance signs and checks alike.
 */
export class UploadLinks {
  private secret: Promise<Buffer> | null = null

  constructor(private readonly db: Database) {}

  private key(): Promise<Buffer> {
    this.secret ??= loadSecret(this.db).catch((err) => {
      this.secret = null
      throw err
    })
    return this.secret
  }

  /** A path valid for one to two hours; the same within an hour, so clients can cache the image. */
  async pathFor(id: string, nowMs = Date.now()): Promise<string> {
    const exp = (Math.floor(nowMs / 1000 / HOUR) + 2) * HOUR
    return `/api/uploads/${id}?exp=${exp}&sig=${await this.sign(id, exp)}`
  }

  /** True when `sig` was made by pathFor for this id, has not expired and expires within the maximum lifetime. */
  async verify(id: string, exp: number | undefined, sig: string | undefined, nowMs = Date.now()): Promise<boolean> {
    if (exp === undefined || !sig || exp * 1000 < nowMs || exp * 1000 > nowMs + MAX_LINK_SECONDS * 1000) return false
    const expected = Buffer.from(await this.sign(id, exp))
    const given = Buffer.from(sig)
    return given.length === expected.length && crypto.timingSafeEqual(given, expected)
  }

  private async sign(id: string, exp: number): Promise<string> {
    return crypto
      .createHmac('sha256', await this.key())
      .update(`${id}.${exp}`)
      .digest('base64url')
      .slice(0, 32)
  }
}

async function loadSecret(db: Database): Promise<Buffer> {
  await db
    .insertInto('app_meta')
    .values({ key: SECRET_KEY, value: crypto.randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  const row = await db.selectFrom('app_meta').select('value').where('key', '=', SECRET_KEY).executeTakeFirstOrThrow()
  return Buffer.from(row.value, 'base64')
}
