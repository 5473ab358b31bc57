import type { Lang } from './bot.texts'
import { isEnglishFunctionWord } from './tokenize'

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff5e]/gu
const HAN_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu

/** Parts of a message that are in no language: links, markup, e-mail addresses, codes with digits. */
function withoutNoise(text: string): string {
  return text
    .replace(/https?:\/\/\S+|www\.\S+/gi, ' ')
    .replace(/<\/?[a-z][^>]*>/gi, ' ')
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/\b[A-Za-z]*\d[A-Za-z0-9-]*\b/g, ' ')
}

/**
 * The language the bot answers a message in: the shopper's UI language unless the message is
 * plainly written in the other one. Order numbers, product names ("iPhone 15 Pro"), links,
 * markup and emoji say nothing about the language; English words make a sentence only with a
 * word such as "my", "is" or "not"; Chinese wins unless such English clearly outweighs it.
 */
export function replyLanguage(text: string, ui: Lang): Lang {
  const plain = withoutNoise(text.normalize('NFKC'))
  const han = (plain.match(HAN_CHAR) ?? []).length
  const words = plain.replace(HAN, ' ').match(/[A-Za-z]+(?:'[A-Za-z]+)?/g) ?? []
  const english = words.length >= 2 && words.some(isEnglishFunctionWord)
  if (han === 0) return english ? 'en' : ui
  // A Chinese character carries about a word; English must clearly outweigh it.
  if (english && words.length >= 3 && words.length > han * 2) return 'en'
  if (han >= 2 || words.length === 0) return 'zh'
  return ui
}
