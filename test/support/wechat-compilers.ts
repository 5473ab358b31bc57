import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const BIN = path.resolve(__dirname, '../../node_modules/miniprogram-compiler/bin/linux')

/** One package of the mini-program as DevTools compiles it: its own files plus the main package's. */
export interface MiniPackage {
  name: string
  wxml: string[]
  wxs: string[]
  wxss: string[]
}

/** What a compiler run said: a non-zero exit or any stderr output is an error. */
export interface CompileResult {
  status: number | null
  errors: string
  output: number
}

function filesUnder(root: string, ext: string): string[] {
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith(ext))
    .sort()
}

/** The main package and each subpackage of the built app in `root`, from its app.json. */
export function packagesOf(root: string): MiniPackage[] {
  const app = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8')) as { subPackages?: { root: string }[] }
  const roots = (app.subPackages ?? []).map((s) => s.root.replace(/\/?$/, '/'))
  const inRoot = (r: string | null) => (f: string) => (r ? f.startsWith(r) : !roots.some((x) => f.startsWith(x)))
  const pick = (r: string | null) => ({
    wxml: filesUnder(root, '.wxml').filter(inRoot(r)),
    wxs: filesUnder(root, '.wxs').filter(inRoot(r)),
    wxss: filesUnder(root, '.wxss').filter(inRoot(r)),
  })
  const main = { name: 'main', ...pick(null) }
  return [
    main,
    ...roots.map((r) => {
      const own = pick(r)
      return { name: r, wxml: [...main.wxml, ...own.wxml], wxs: [...main.wxs, ...own.wxs], wxss: [...own.wxss, ...main.wxss] }
    }),
  ]
}

/** The WeChat compilers ship without the run bit (npm runs no install scripts here). */
export function makeRunnable(): void {
  for (const bin of ['wcc', 'wcsc']) fs.chmodSync(path.join(BIN, bin), 0o755)
}

function run(root: string, bin: string, args: string[]): CompileResult {
  const r = spawnSync(path.join(BIN, bin), args, { cwd: root, maxBuffer: 64 * 1024 * 1024 })
  if (r.error) throw r.error
  return { status: r.status, errors: r.stderr.toString().trim(), output: r.stdout.length }
}

const jsonOf = (root: string, file: string): { usingComponents?: Record<string, string> } | null => {
  const json = path.join(root, file.replace(/\.(wxml|wxss)$/, '.json'))
  return fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, 'utf8')) : null
}

/** wcc over a package's WXML and WXS, with each page's and component's custom components declared. */
export function compileWxml(root: string, pkg: MiniPackage): CompileResult {
  const declared = pkg.wxml.flatMap((f) => {
    const names = Object.keys(jsonOf(root, f)?.usingComponents ?? {})
    return names.length ? [[f, String(names.length), ...names]] : []
  })
  const cc = [String(declared.length), ...declared.flat()].join(' ')
  return run(root, 'wcc', ['-d', '-cc', cc, ...pkg.wxml, ...pkg.wxs, '-gn', '$gwx'])
}

/** wcsc over a package's WXSS; page and component sheets (those with a .json) come first, counted by -pc. */
export function compileWxss(root: string, pkg: MiniPackage): CompileResult {
  const pages = pkg.wxss.filter((f) => jsonOf(root, f) !== null)
  const others = pkg.wxss.filter((f) => jsonOf(root, f) === null)
  return run(root, 'wcsc', ['-db', '-pc', String(pages.length), ...pages, ...others])
}
