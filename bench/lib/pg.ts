import { execFileSync } from 'node:child_process'
import path from 'node:path'

/** A PostgreSQL server for the bench: DATABASE_URL when set, else a throwaway one, else why not. */
export interface BenchPostgres {
  url: string | null
  reason: string | null
  stop(): void
}

let shared: BenchPostgres | null = null

/** One PostgreSQL for the whole run; started on first use, stopped by `stopPostgres`. */
export function benchPostgres(): BenchPostgres {
  if (shared) return shared
  if (process.env.DATABASE_URL) {
    shared = { url: process.env.DATABASE_URL, reason: null, stop: () => {} }
    return shared
  }
  const script = path.resolve(__dirname, '..', '..', 'scripts', 'pg-throwaway.sh')
  try {
    const out = execFileSync('bash', [script, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    const url = /DATABASE_URL=(\S+)/.exec(out)?.[1]
    const dir = /PGTHROWAWAY_DIR=(\S+)/.exec(out)?.[1]
    if (!url || !dir) throw new Error('pg-throwaway.sh printed no DATABASE_URL')
    shared = { url, reason: null, stop: () => execFileSync('bash', [script, 'stop', dir], { stdio: 'ignore' }) }
  } catch (err) {
    const reason = `no PostgreSQL: DATABASE_URL is unset and a throwaway server could not start (${(err as Error).message.split('\n')[0]})`
    shared = { url: null, reason, stop: () => {} }
  }
  return shared
}

/** A fresh database on the bench PostgreSQL, so suites do not see each other's rows. */
export async function freshDatabase(baseUrl: string, name: string): Promise<string> {
  const { Client } = await import('pg')
  const admin = new Client({ connectionString: baseUrl })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** Stops the throwaway PostgreSQL if this run started one. */
export function stopPostgres(): void {
  shared?.stop()
  shared = null
}
