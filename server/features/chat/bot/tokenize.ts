/**
 * Tokenizer for shopper messages: Chinese without spaces, English, and the mix
 * of both that people type on their phones.
 *
 * Tokens come from three sources so retrieval stays robust when one of them
 * is weak: concept tokens from the synonym table (language-neutral, so an
 * English question can hit a Chinese keyword), dictionary words from
 * Intl.Segmenter when the runtime has it, and character bigrams which work
 * everywhere and cope with typos and unknown words.
 */

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Type } from 'typebox'
import { Value } from 'typebox/value'

const WordsSchema = Type.Object(
  {
    /**
     * Synonym groups. The key is the canonical concept; every variant found in a message is
     * replaced by it. A key may name several concepts separated by a space (封号 means both
     * account and frozen).
     */
    synonyms: Type.Record(Type.String({ minLength: 1 }), Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
    /** Function words that carry no meaning for retrieval; kept, they make every FAQ look slightly similar to every question. */
    stopwords: Type.Array(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
)

function loadWords(): { synonyms: Record<string, string[]>; stopwords: string[] } {
  const path = join(__dirname, 'content', 'retrieval-words.json')
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'))
  if (!Value.Check(WordsSchema, data)) throw new Error(`${path}: ${[...Value.Errors(WordsSchema, data)][0]?.message ?? 'invalid'}`)
  return data
}

const WORDS = loadWords()

/** Synonym groups from content/retrieval-words.json, canonical concept → variants. */
export const SYNONYM_GROUPS: Readonly<Record<string, readonly string[]>> = WORDS.synonyms

const STOPWORDS = new Set<string>(WORDS.stopwords)

/** True for an English word that only sentences use (my, the, is, not …), never a name. */
export function isEnglishFunctionWord(word: string): boolean {
  const w = word.toLowerCase()
  return /^[a-z']+$/.test(w) && STOPWORDS.has(w)
}

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff'
const CJK_RUN = new RegExp(`[${CJK}]+`, 'g')
const LATIN_WORD = /[a-z0-9]+(?:'[a-z]+)?/g
const LATIN_CHAR = /[a-z]/

interface CompiledSynonyms {
  readonly pattern: RegExp
  readonly canonicalOf: ReadonlyMap<string, string>
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function compileSynonyms(groups: Readonly<Record<string, readonly string[]>>): CompiledSynonyms {
  const canonicalOf = new Map<string, string>()
  for (const [canonical, variants] of Object.entries(groups)) {
    for (const v of [canonical, ...variants]) {
      const key = normalizeWidth(v)
      // First group wins: the table is ordered from specific to general.
      if (!canonicalOf.has(key)) canonicalOf.set(key, canonical)
    }
  }
  // Longest first so 没到账 beats 没到 and "not received" beats "received".
  const variants = [...canonicalOf.keys()].sort((a, b) => b.length - a.length)
  const alternatives = variants.map((v) => {
    const body = escapeRegExp(v)
    // Latin variants must match whole words, otherwise "late" fires inside "translate".
    const head = LATIN_CHAR.test(v[0] ?? '') ? '(?<![a-z])' : ''
    const tail = LATIN_CHAR.test(v[v.length - 1] ?? '') ? '(?![a-z])' : ''
    return `${head}${body}${tail}`
  })
  return { pattern: new RegExp(alternatives.join('|'), 'g'), canonicalOf }
}

/** Full-width to half-width, lower case, curly quotes to straight: the forms people type vary more than the words. */
export function normalizeWidth(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u2032]/g, "'")
}

const SYNONYMS = compileSynonyms(SYNONYM_GROUPS)

/** Result of normalising a message: the rewritten text and the concepts found in it. */
export interface Normalized {
  /** Message with every synonym replaced by its canonical concept. */
  readonly text: string
  readonly concepts: ReadonlySet<string>
  /** Concepts in order of appearance, repeats kept, for term frequency. */
  readonly conceptHits: readonly string[]
}

// Anything that is not a letter, digit or CJK character separates tokens.
function cleanSeparators(s: string): string {
  return s
    .replace(new RegExp(`[^a-z0-9'${CJK}]+`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Rewrite shopper wording to canonical concepts and strip punctuation and emoji. */
export function normalize(raw: string): Normalized {
  const conceptHits: string[] = []
  const lowered = normalizeWidth(raw)
  const rewritten = lowered.replace(SYNONYMS.pattern, (m) => {
    const canonical = SYNONYMS.canonicalOf.get(m) ?? m
    conceptHits.push(...canonical.split(' '))
    return ` ${canonical} `
  })
  return { text: cleanSeparators(rewritten), concepts: new Set(conceptHits), conceptHits }
}

// Segmenter construction is comparatively slow; build it once. Some mini-program
// and older runtimes lack Intl.Segmenter, in which case bigrams carry the load.
const segmenter: Intl.Segmenter | null =
  typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null

function segmentWords(run: string): string[] {
  if (!segmenter) return []
  const out: string[] = []
  for (const s of segmenter.segment(run)) {
    if (s.isWordLike) out.push(s.segment)
  }
  return out
}

function bigrams(run: string): string[] {
  const chars = Array.from(run)
  if (chars.length === 1) return chars
  const out: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1])
  return out
}

// Crude English stemming: enough to make "refunds"/"refunded" meet "refund" without a dependency.
function stem(word: string): string {
  if (word.length <= 4) return word
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3)
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2)
  if (word.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2)
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

// Order and tracking numbers are identifiers, not words; as tokens they would only add noise.
function isIdentifierLike(word: string): boolean {
  return /^\d{5,}$/.test(word) || (/\d{5,}/.test(word) && /[a-z]/.test(word))
}

/** Concept tokens are prefixed so they never collide with a plain word of the same spelling. */
export const CONCEPT_PREFIX = '#'

/** Split a message into retrieval tokens (concepts, words and CJK bigrams); duplicates are kept for term frequency. */
export function tokenize(raw: string): string[] {
  const { text, conceptHits } = normalize(raw)
  const tokens: string[] = conceptHits.map((c) => CONCEPT_PREFIX + c)

  for (const m of text.matchAll(CJK_RUN)) {
    const run = m[0]
    const words = segmentWords(run)
    for (const w of words) if (!STOPWORDS.has(w)) tokens.push(w)
    for (const b of bigrams(run)) {
      // Bigrams equal to a segmenter word would double count it.
      if (!STOPWORDS.has(b) && !words.includes(b)) tokens.push(b)
    }
  }

  const latin = text.replace(new RegExp(`[${CJK}]+`, 'g'), ' ')
  for (const m of latin.matchAll(LATIN_WORD)) {
    const w = m[0].replace(/'[a-z]+$/, '')
    if (w.length < 2 || STOPWORDS.has(w) || isIdentifierLike(w)) continue
    tokens.push(stem(w))
  }
  return tokens
}

/** Concepts (canonical synonym keys) mentioned in a message. */
export function conceptsOf(raw: string): ReadonlySet<string> {
  return normalize(raw).concepts
}

/** Counts of latin letters and CJK characters, used to pick the reply language. */
export function scriptCounts(raw: string): { latin: number; cjk: number } {
  const s = normalizeWidth(raw)
  const latin = (s.match(/[a-z]/g) ?? []).length
  const cjk = (s.match(new RegExp(`[${CJK}]`, 'g')) ?? []).length
  return { latin, cjk }
}
