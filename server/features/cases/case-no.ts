import crypto from 'node:crypto'
import { CASE_NO_ALPHABET } from '../../../types/chat-data'

/** A fresh case number, e.g. KF-7Q3M-2H: short enough to read out, 31⁶ ≈ 890 million of them. */
export function newCaseNo(randomInt: (max: number) => number = crypto.randomInt): string {
  const pick = (n: number) => Array.from({ length: n }, () => CASE_NO_ALPHABET[randomInt(CASE_NO_ALPHABET.length)]).join('')
  return `KF-${pick(4)}-${pick(2)}`
}
