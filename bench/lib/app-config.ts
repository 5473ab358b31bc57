import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Config } from '../../server/config'

/** The built H5 app, when there is one (npm run build:h5). */
export const H5_DIR = path.resolve(__dirname, '..', '..', 'dist', 'h5')

const tempDirs: string[] = []
process.once('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true })
})

/** A temp data directory for one bench server; removed when the run ends. */
export function tempDataDir(label: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sd-bench-${label}-`))
  tempDirs.push(dir)
  return dir
}

/**
 * Server settings for a bench: the per-user budgets are raised through configuration for the
 * load generator's few addresses and accounts (production keeps its defaults).
 */
export function benchConfig(label: string, overrides: Partial<Config> = {}): Partial<Config> {
  return {
    dataDir: tempDataDir(label),
    databaseUrl: null,
    rateLimitMax: 100_000_000,
    h5Dir: fs.existsSync(path.join(H5_DIR, 'index.html')) ? H5_DIR : path.join(os.tmpdir(), 'no-h5-build'),
    limits: { pollsPerUser: 1000, conversationsPerDay: 1_000_000, handoffsPerDay: 1000, uploadBytesPerDay: 100 * 1024 ** 3 },
    cleanup: { sweepSeconds: 0, unattachedUploadHours: 48, idleGuestDays: 90 },
    chat: { idleMinutes: 600, sweepSeconds: 3600, agentHours: { openHour: 0, closeHour: 24 } },
    ...overrides,
  }
}

/** Sign-in of one guest through the API (a handful of accounts; thousands go through `shoppers`). */
export async function guestToken(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
  if (!res.ok) throw new Error(`guest sign-in: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { token: string }).token
}
