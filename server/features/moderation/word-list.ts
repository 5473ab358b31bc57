import fs from 'node:fs'
import path from 'node:path'

/** Folds what people do to slip past a list: width, case, and spaces or symbols between characters. */
export function foldForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}_]+/gu, '')
}

/** A validated word list: its words folded the same way as the text they are matched against. */
export class WordList {
  private readonly folded: string[]

  constructor(words: string[]) {
    this.folded = [...new Set(words.map(foldForMatching).filter((w) => w.length > 0))]
  }

  /** The first listed word found in `text`, or null. */
  find(text: string): string | null {
    const hay = foldForMatching(text)
    return this.folded.find((w) => hay.includes(w)) ?? null
  }
}

/** Loads moderation-words.json (or `file`), failing loudly on a malformed list. */
export function loadWordList(file = path.join(__dirname, 'moderation-words.json')): WordList {
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { words?: unknown }
  if (!Array.isArray(data.words) || data.words.some((w) => typeof w !== 'string' || w.trim() === '')) {
    throw new Error(`${file}: "words" must be a list of non-empty strings`)
  }
  return new WordList(data.words as string[])
}
