import SQLite from 'better-sqlite3'
import { withStatementCache } from '../../server/db/statement-cache'

describe('withStatementCache', () => {
  it('prepares a query once and answers it with current data each time', () => {
    const raw = new SQLite(':memory:')
    const db = withStatementCache(raw)
    db.prepare('CREATE TABLE t (n INTEGER)').run([])
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)')
    insert.run([1])
    expect(db.prepare('INSERT INTO t (n) VALUES (?)')).toBe(insert)
    db.prepare('INSERT INTO t (n) VALUES (?)').run([2])
    expect(db.prepare('SELECT sum(n) AS s FROM t').all([])).toEqual([{ s: 3 }])
    db.close()
    expect(raw.open).toBe(false)
  })

  it('keeps at most `max` statements, dropping the least recently used', () => {
    const raw = new SQLite(':memory:')
    const db = withStatementCache(raw, 2)
    const a = db.prepare('SELECT 1')
    const b = db.prepare('SELECT 2')
    expect(db.prepare('SELECT 1')).toBe(a)
    db.prepare('SELECT 3')
    expect(db.prepare('SELECT 1')).toBe(a)
    expect(db.prepare('SELECT 2')).not.toBe(b)
    db.close()
  })
})
