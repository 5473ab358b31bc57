import type { Lang } from './bot.texts'

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
 * plainly written in the other one. Order numbers, product names ("iPhone 15"), links, markup
 * and emoji say nothing about the language; a sentence of several English words with no Chinese
 * is English, a message with Chinese words is Chinese unless English clearly dominates it.
 */
export function replyLanguage(text: string, ui: Lang): Lang {
  const plain = withoutNoise(text.normalize('NFKC'))
  const han = (plain.match(HAN_CHAR) ?? []).length
  const words = (plain.replace(HAN, ' ').match(/[A-Za-z]{2,}(?:'[A-Za-z]+)?/g) ?? []).length
  if (han === 0) return words >= 3 ? 'en' : ui
  // A Chinese character carries about a word; English must clearly outweigh it.
  if (words >= 3 && words > han * 2) return 'en'
  if (han >= 2 || words === 0) return 'zh'
  return ui
}
