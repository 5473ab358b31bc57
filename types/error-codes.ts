import ERROR_CODES from './error-codes.json'

/** Every error code the API can answer with, mapped to the names of the values its text needs. */
export const ERROR_PARAMS: Readonly<Record<ErrorCode, readonly string[]>> = ERROR_CODES

/** A stable machine-readable error code; only codes listed in error-codes.json type-check. */
export type ErrorCode = keyof typeof ERROR_CODES

/** The values an error's text is built from, e.g. FILE_TOO_LARGE → { maxMb: 10 }. */
export type ErrorParams = Record<string, string | number>

/** True when `code` is one the API documents. */
export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, code)
}
