/** The answer text of an intent: its own words from intents.json, else its knowledge-base entry's. */
import type { Lang } from './bot.texts'
import type { IntentDef } from './bot-data'
import { getKbEntry, type KbEntry } from './knowledge-base'

/** The text to answer an intent with, and the knowledge-base entry it came from. */
export function answerOf(intent: IntentDef, lang: Lang): { text: string; entry: KbEntry | null } {
  const entry = intent.faqId ? (getKbEntry(intent.faqId) ?? null) : null
  const own = lang === 'zh' ? intent.answerZh : intent.answerEn
  return { text: own ?? (entry ? (lang === 'zh' ? entry.answerZh : entry.answerEn) : ''), entry }
}
