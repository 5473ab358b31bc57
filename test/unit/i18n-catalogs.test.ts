import fs from 'node:fs'
import path from 'node:path'
import { compileMessage } from '@lingui/message-utils/compileMessage'
import zhCN from '@/locales/zh-CN.json'
import enUS from '@/locales/en-US.json'
import errorCodes from '@shared/error-codes.json'

const root = path.resolve(__dirname, '../..')
const catalogs: Record<string, Record<string, string>> = { 'zh-CN': zhCN, 'en-US': enUS }
// Keys the client sets itself for failures the server never names.
const CLIENT_ERRORS = ['errors.generic', 'errors.NETWORK', 'errors.HTTP_ERROR', 'errors.SERVER_ERROR', 'errors.AGENT_SIGN_IN']
// Entries in Chinese on purpose: the switch names itself in both languages; the mini-program's
// name is what a shopper types into WeChat search, whatever their language.
const BILINGUAL = ['help.language', 'help.wechatAccount']

/** The names a message interpolates: `{name}`, `{n, plural, …}`. */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_]\w*)\s*[,}]/g)].map((m) => m[1]))].sort()
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(p)
    return /\.(ts|tsx)$/.test(e.name) ? [p] : []
  })
}

const sources = sourceFiles(path.join(root, 'src')).map((f) => fs.readFileSync(f, 'utf8'))
const literals = new Set(sources.flatMap((s) => [...s.matchAll(/'([A-Za-z]\w*(?:\.[\w-]+)+)'/g)].map((m) => m[1])))
// `ns.prefix.${…}`: a key built from a known id (status, kind, code…) covers every key under the prefix.
const prefixes = [...new Set(sources.flatMap((s) => [...s.matchAll(/`([A-Za-z]\w*(?:\.\w+)*\.)\$\{/g)].map((m) => m[1])))]

describe('locale catalogs', () => {
  it('have the same keys in zh-CN and en-US', () => {
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort())
  })

  it('use the same placeholders in both languages', () => {
    const differing = Object.keys(zhCN).filter(
      (k) => placeholders(zhCN[k as keyof typeof zhCN]).join() !== placeholders(enUS[k as keyof typeof enUS] ?? '').join(),
    )
    expect(differing).toEqual([])
  })

  it('hold only non-empty messages that compile as ICU MessageFormat', () => {
    for (const [locale, cat] of Object.entries(catalogs)) {
      for (const [key, message] of Object.entries(cat)) {
        expect({ locale, key, ok: typeof message === 'string' && message.trim() !== '' }).toEqual({ locale, key, ok: true })
        expect(() => compileMessage(message)).not.toThrow()
      }
    }
  })

  it('have no Chinese left in en-US', () => {
    const han = Object.entries(enUS).filter(([k, v]) => /\p{Script=Han}/u.test(v) && !BILINGUAL.includes(k))
    expect(han).toEqual([])
  })

  it('have no keys that no source file uses', () => {
    const unused = Object.keys(zhCN).filter((k) => !literals.has(k) && !prefixes.some((p) => k.startsWith(p)))
    expect(unused).toEqual([])
  })

  it('have a key under every prefix the source builds keys from', () => {
    const empty = prefixes.filter((p) => /^(chat|help|tickets|messageList|actionCard|privacy|errors|system|agent|tabBar|titles)\./.test(p))
    expect(empty.filter((p) => !Object.keys(zhCN).some((k) => k.startsWith(p)))).toEqual([])
  })

  it('word every server error code, and only those and the client’s own', () => {
    const codes = Object.keys(errorCodes)
    expect(codes.filter((c) => !(`errors.${c}` in zhCN))).toEqual([])
    const known = new Set([...codes.map((c) => `errors.${c}`), ...CLIENT_ERRORS])
    expect(Object.keys(zhCN).filter((k) => k.startsWith('errors.') && !known.has(k))).toEqual([])
  })
})
