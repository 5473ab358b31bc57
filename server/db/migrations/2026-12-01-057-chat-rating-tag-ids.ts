import { sql, type Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// Chat ratings stored the tag labels the app showed; they become tag ids, as ticket ratings
// already are. A label this list does not know is kept as it was.
const IDS: Record<string, string> = {
  回复及时: 'fast',
  'Quick reply': 'fast',
  解决了问题: 'solved',
  'Solved it': 'solved',
  态度友好: 'friendly',
  Friendly: 'friendly',
  专业: 'professional',
  Professional: 'professional',
  答非所问: 'off_topic',
  'Off topic': 'off_topic',
  回复太慢: 'slow',
  'Too slow': 'slow',
  没有解决: 'unsolved',
  'Not solved': 'unsolved',
  态度不好: 'unfriendly',
  Impolite: 'unfriendly',
}

/** A stored tag list with known labels replaced by their ids. */
export function tagIdsOf(json: string): string {
  let tags: unknown
  try {
    tags = JSON.parse(json)
  } catch {
    return '[]'
  }
  if (!Array.isArray(tags)) return '[]'
  const ids = tags.filter((t): t is string => typeof t === 'string').map((t) => IDS[t.trim()] ?? t)
  return JSON.stringify([...new Set(ids)])
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const rows = await sql<{ id: string; tags_json: string }>`select id, tags_json from chat_ratings where tags_json <> '[]'`.execute(db)
  for (const row of rows.rows) {
    const next = tagIdsOf(row.tags_json)
    if (next !== row.tags_json) await sql`update chat_ratings set tags_json = ${next} where id = ${row.id}`.execute(db)
  }
}

// Ids are not turned back into labels: an older build shows them as they are.
export async function down(): Promise<void> {}
