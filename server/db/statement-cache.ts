import type { SqliteDatabase, SqliteStatement } from 'kysely'

/**
 * better-sqlite3 behind Kysely with its prepared statements kept (least recently used out),
 * so a query the server runs on every request is compiled by SQLite once, not on each call.
 * Safe because Kysely runs one SQLite query at a time and the app does not stream results.
 */
export function withStatementCache(db: SqliteDatabase, max = 1000): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>()
  return {
    close: () => {
      statements.clear()
      db.close()
    },
    prepare(sql: string): SqliteStatement {
      const hit = statements.get(sql)
      if (hit) {
        statements.delete(sql)
        statements.set(sql, hit)
        return hit
      }
      const stmt = db.prepare(sql)
      statements.set(sql, stmt)
      if (statements.size > max) statements.delete(statements.keys().next().value!)
      return stmt
    },
  }
}
