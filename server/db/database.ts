import fs from 'node:fs'
import path from 'node:path'
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from 'kysely'
import type { DB } from './schema'
import { withStatementCache } from './statement-cache'

export type Database = Kysely<DB>
export type DatabaseKind = 'sqlite' | 'postgres'

export interface DatabaseHandle {
  db: Database
  kind: DatabaseKind
  /** A pg connection string when kind is postgres; LISTEN/NOTIFY needs its own client. */
  url: string | null
  close(): Promise<void>
}

/** Opens PostgreSQL when a URL is given, else an SQLite file (WAL mode) in dataDir. */
export async function openDatabase(opts: { databaseUrl: string | null; dataDir: string; sqliteFile?: string }): Promise<DatabaseHandle> {
  let dialect: Dialect
  let kind: DatabaseKind
  if (opts.databaseUrl) {
    const { Pool, types } = await import('pg')
    // BIGINT counters (seq, sizes) fit in a JS number here; keep them numbers, not strings.
    types.setTypeParser(20, (v: string) => Number(v))
    const pool = new Pool({ connectionString: opts.databaseUrl, max: 10 })
    // An idle client dropped by the server must not crash the process; the pool replaces it.
    pool.on('error', () => undefined)
    dialect = new PostgresDialect({ pool })
    kind = 'postgres'
  } else {
    const { default: SQLite } = await import('better-sqlite3')
    fs.mkdirSync(opts.dataDir, { recursive: true })
    const file = opts.sqliteFile ?? path.join(opts.dataDir, 'service-desk.sqlite')
    const sqlite = new SQLite(file)
    sqlite.pragma('journal_mode = WAL')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    dialect = new SqliteDialect({ database: withStatementCache(sqlite) })
    kind = 'sqlite'
  }
  const db = new Kysely<DB>({ dialect })
  return { db, kind, url: opts.databaseUrl, close: () => db.destroy() }
}
