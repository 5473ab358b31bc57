import { PostgresAdapter, sql, type Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// Upload bytes kept in the database itself (UPLOAD_STORAGE=database): every instance reaches them
// without a shared volume or an object store.
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  await db.schema
    .createTable('upload_blobs')
    .addColumn('storage_key', 'varchar(220)', (c) => c.primaryKey())
    .addColumn('data', postgres ? sql`bytea` : 'blob', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('upload_blobs').execute()
}
