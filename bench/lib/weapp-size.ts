import fs from 'node:fs'
import path from 'node:path'

export const MAIN_LIMIT = 2 * 1024 * 1024
export const SUB_LIMIT = 2 * 1024 * 1024
export const TOTAL_LIMIT = 20 * 1024 * 1024

function dirSize(dir: string, skip: (rel: string) => boolean, base = dir): number {
  let total = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    const rel = path.relative(base, full).split(path.sep).join('/')
    if (skip(rel)) continue
    total += entry.isDirectory() ? dirSize(full, skip, base) : fs.statSync(full).size
  }
  return total
}

/** Main package and subpackage sizes of a weapp build, from its app.json; null when not built. */
export function weappSizes(dist: string): { main: number; subpackages: Array<{ root: string; size: number }>; total: number } | null {
  const appJson = path.join(dist, 'app.json')
  if (!fs.existsSync(appJson)) return null
  const app = JSON.parse(fs.readFileSync(appJson, 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const inSub = (rel: string) => roots.some((r) => rel === r || rel.startsWith(`${r}/`))
  // Source maps are not uploaded with the package, so they do not count toward the limits.
  const isMap = (rel: string) => rel.endsWith('.map')
  const main = dirSize(dist, (rel) => inSub(rel) || isMap(rel))
  const subpackages = roots.map((root) => ({
    root,
    size: fs.existsSync(path.join(dist, root)) ? dirSize(path.join(dist, root), isMap) : 0,
  }))
  return { main, subpackages, total: main + subpackages.reduce((n, s) => n + s.size, 0) }
}
