/**
 * BM25 retrieval over the knowledge base, plus order and tracking number
 * detection in free text.
 */
import { ORDER_NO_PATTERN, TRACKING_NO_PATTERN } from '../../../../types/catalog-data'
import { KNOWLEDGE_BASE, type KbEntry } from './knowledge-base'
import { tokenize } from './tokenize'

/** BM25 parameters; the usual defaults suit short FAQ documents. */
export const BM25 = { k1: 1.2, b: 0.75 } as const

// Questions and keywords are written as shoppers speak, so they count more
// than answers, which mention many things in passing.
const FIELD_WEIGHTS = { question: 3, keywords: 2, answer: 1 } as const

/** A ranked knowledge-base match. */
export interface Hit {
  readonly entry: KbEntry
  readonly score: number
}

interface IndexedDoc {
  readonly entry: KbEntry
  readonly tf: ReadonlyMap<string, number>
  readonly length: number
}

/** Prebuilt index over a set of entries. */
export interface Bm25Index {
  readonly docs: readonly IndexedDoc[]
  readonly idf: ReadonlyMap<string, number>
  readonly avgLength: number
}

function addWeighted(tf: Map<string, number>, tokens: readonly string[], weight: number): number {
  for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + weight)
  return tokens.length * weight
}

/** Build a BM25 index; exposed so tests or the help center can index other entry sets. */
export function buildIndex(entries: readonly KbEntry[]): Bm25Index {
  const docs: IndexedDoc[] = entries.map((entry) => {
    const tf = new Map<string, number>()
    let length = 0
    length += addWeighted(tf, tokenize(`${entry.questionZh} ${entry.questionEn}`), FIELD_WEIGHTS.question)
    length += addWeighted(tf, tokenize(entry.keywords.join(' | ')), FIELD_WEIGHTS.keywords)
    length += addWeighted(tf, tokenize(`${entry.answerZh} ${entry.answerEn}`), FIELD_WEIGHTS.answer)
    return { entry, tf, length }
  })
  const df = new Map<string, number>()
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1)
  const n = docs.length
  const idf = new Map<string, number>()
  // BM25+ style idf floor at a small positive value: very common terms should not subtract.
  for (const [t, f] of df) idf.set(t, Math.max(0.05, Math.log(1 + (n - f + 0.5) / (f + 0.5))))
  const avgLength = docs.reduce((s, d) => s + d.length, 0) / Math.max(1, n)
  return { docs, idf, avgLength }
}

let defaultIndex: Bm25Index | null = null

function getDefaultIndex(): Bm25Index {
  // Built lazily so importing the module stays cheap for callers that only need detection.
  defaultIndex ??= buildIndex(KNOWLEDGE_BASE)
  return defaultIndex
}

/** Score every entry against the query tokens and return hits with a positive score, best first. */
export function searchTokens(queryTokens: readonly string[], index: Bm25Index = getDefaultIndex()): Hit[] {
  // Repeating a word in the question should not multiply its weight.
  const unique = [...new Set(queryTokens)]
  const hits: Hit[] = []
  for (const doc of index.docs) {
    let score = 0
    for (const t of unique) {
      const f = doc.tf.get(t)
      if (!f) continue
      const idf = index.idf.get(t) ?? 0
      const norm = BM25.k1 * (1 - BM25.b + (BM25.b * doc.length) / index.avgLength)
      score += (idf * f * (BM25.k1 + 1)) / (f + norm)
    }
    if (score > 0) hits.push({ entry: doc.entry, score })
  }
  return hits.sort((a, b) => b.score - a.score)
}

/** Rank knowledge-base entries for a message, best first. */
export function search(text: string, limit = 5): Hit[] {
  return searchTokens(tokenize(text)).slice(0, limit)
}

// Candidates are maximal digit or alphanumeric runs; anchored catalog patterns
// then decide, so "订单号202405061234567890" still yields the number.
const DIGIT_RUN = /\d+/g
const ALNUM_RUN = /[A-Za-z]*\d+/g

/** First order number in free text, or null. */
export function detectOrderNo(text: string): string | null {
  const normalized = text.normalize('NFKC')
  for (const m of normalized.matchAll(DIGIT_RUN)) {
    if (ORDER_NO_PATTERN.test(m[0])) return m[0]
  }
  return null
}

/** First courier tracking number in free text (upper-cased), or null. */
export function detectTrackingNo(text: string): string | null {
  const normalized = text.normalize('NFKC')
  for (const m of normalized.matchAll(ALNUM_RUN)) {
    // A lettered candidate glued to a longer latin word ("order123…") is not a tracking number.
    const before = normalized[(m.index ?? 0) - 1] ?? ''
    if (/[A-Za-z]/.test(before)) continue
    if (TRACKING_NO_PATTERN.test(m[0])) return m[0].toUpperCase()
  }
  return null
}
