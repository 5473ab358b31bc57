/**
 * Turns a shopper message into the sparse features the intent model reads.
 *
 * Phones produce every spelling of the same question: homophone typos (待发或 for 待发货),
 * pinyin or pinyin initials typed instead of characters (tk for 退款), English, emoji and
 * mixes of all of them. Characters alone miss the homophones and the pinyin; so alongside
 * character n-grams and dictionary words every Chinese word is also spelled in toneless
 * pinyin and in pinyin initials, the same forms a latin token is mapped to.
 */
import { pinyin } from 'pinyin-pro'

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff'
const CJK_RUN = new RegExp(`[${CJK}]+`, 'g')
const LATIN_RUN = /[a-z]+/g
const EMOJI = /\p{Extended_Pictographic}/gu

// Long digit and letter-digit runs are order or tracking numbers: their presence matters, their digits do not.
const ORDER_LIKE = /\d{12,22}/g
const TRACKING_LIKE = /[a-z]{1,4}\d{8,}/g

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })

/** Full-width to half-width, lower case, identifiers to placeholders. */
export function normalizeText(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(TRACKING_LIKE, ' 〔track〕 ').replace(ORDER_LIKE, ' 〔order〕 ')
}

function ngrams(chars: readonly string[], n: number, prefix: string, out: Set<string>): void {
  for (let i = 0; i + n <= chars.length; i++) out.add(prefix + chars.slice(i, i + n).join(''))
}

function syllables(word: string): string[] {
  return pinyin(word, { toneType: 'none', type: 'array', v: true })
}

// English words meet their inflections ("refunds", "refunded") without a stemming dependency.
function stem(word: string): string {
  if (word.length <= 4) return word
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3)
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2)
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

function cjkFeatures(run: string, out: Set<string>): void {
  const chars = Array.from(run)
  ngrams(chars, 1, 'c:', out)
  ngrams(chars, 2, 'c:', out)
  ngrams(chars, 3, 'c:', out)
  const sounds = syllables(run)
  if (sounds.length === chars.length) {
    for (let i = 0; i + 2 <= sounds.length; i++) out.add(`p:${sounds[i]}${sounds[i + 1]}`)
  }
  for (const seg of segmenter.segment(run)) {
    if (!seg.isWordLike) continue
    out.add(`w:${seg.segment}`)
    if (Array.from(seg.segment).length < 2) continue
    const s = syllables(seg.segment)
    out.add(`p:${s.join('')}`)
    out.add(`i:${s.map((x) => x[0]).join('')}`)
  }
}

function latinFeatures(text: string, out: Set<string>): void {
  const words = Array.from(text.matchAll(LATIN_RUN), (m) => m[0])
  words.forEach((w, i) => {
    const s = stem(w)
    out.add(`w:${s}`)
    // The same word may be pinyin ("tuikuan") or pinyin initials ("tk").
    out.add(`p:${w}`)
    if (w.length <= 4 && !/[aeiou]/.test(w)) out.add(`i:${w}`)
    if (i > 0) out.add(`w:${stem(words[i - 1] ?? '')}_${s}`)
    if (w.length >= 5) ngrams(Array.from(w), 4, 'l:', out)
  })
}

/** The set of features of one message; order-free and deterministic. */
export function featuresOf(raw: string): string[] {
  const text = normalizeText(raw)
  const out = new Set<string>()
  for (const m of text.matchAll(CJK_RUN)) cjkFeatures(m[0], out)
  latinFeatures(text.replace(CJK_RUN, ' ').replace(/〔(?:order|track)〕/g, ' '), out)
  if (text.includes('〔order〕')) out.add('x:order_no')
  if (text.includes('〔track〕')) out.add('x:tracking_no')
  for (const m of text.matchAll(EMOJI)) out.add(`e:${m[0]}`)
  if (/[!！]{2,}|[?？]{2,}/.test(text)) out.add('x:emphatic')
  return [...out].sort()
}
