import type { FaqCategory, FaqEntry, FaqList, FaqQuery } from '../../../types/help'
import { KNOWLEDGE_BASE, searchTokens, tokenize, type KbEntry } from '../chat/bot'

// Hits far below the best one share only a stray common word with the query.
const MIN_SCORE = 0.5
const RELATIVE_CUTOFF = 0.3

function categoryOf(entry: KbEntry): FaqCategory {
  return entry.serviceType ?? 'general'
}

function toDto(entry: KbEntry, lang: 'zh' | 'en'): FaqEntry {
  return {
    id: entry.id,
    serviceType: categoryOf(entry),
    ...(entry.subtype ? { subtype: entry.subtype } : {}),
    question: lang === 'en' ? entry.questionEn : entry.questionZh,
    answer: lang === 'en' ? entry.answerEn : entry.answerZh,
    needsEvidence: [...entry.needsEvidence],
  }
}

/** FAQ entries from the bot's knowledge base: by category, or searched with the bot's own ranking. */
export function listFaq(query: FaqQuery): FaqList {
  const lang = query.lang ?? 'zh'
  const limit = query.limit ?? 50
  const inCategory = (e: KbEntry) => !query.serviceType || categoryOf(e) === query.serviceType
  const q = query.q?.trim() ?? ''
  if (!q) {
    return {
      items: KNOWLEDGE_BASE.filter(inCategory)
        .slice(0, limit)
        .map((e) => toDto(e, lang)),
      ranked: false,
    }
  }
  const all = searchTokens(tokenize(q))
  const floor = Math.max(MIN_SCORE, (all[0]?.score ?? 0) * RELATIVE_CUTOFF)
  const hits = all.filter((h) => h.score >= floor && inCategory(h.entry))
  return { items: hits.slice(0, limit).map((h) => toDto(h.entry, lang)), ranked: true }
}
