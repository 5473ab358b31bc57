/**
 * What a browser downloads to show the H5 app's first screen, read from the build: index.html,
 * the scripts and stylesheets it names, and the chunks the first route loads. Sizes as served
 * raw, gzip and brotli (the server sends compressed bytes to browsers that accept them).
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

export interface ServedFile {
  file: string
  raw: number
  gzip: number
  brotli: number
}

export interface FirstLoad {
  files: ServedFile[]
  raw: number
  gzip: number
  brotli: number
}

/** Raw, gzip (level 9) and brotli (quality 11) sizes of one file. */
export function servedSize(file: string, rel = path.basename(file)): ServedFile {
  const bytes = fs.readFileSync(file)
  return {
    file: rel,
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

/** Webpack chunk ids the route `route` loads, from the route table Taro writes into the entry script. */
export function routeChunks(entryJs: string, route: string): number[] {
  const at = entryJs.indexOf(`"path":"${route}"`)
  if (at < 0) return []
  const load = entryJs.slice(at, entryJs.indexOf('.then(', at))
  return [...load.matchAll(/\.e\((\d+)\)/g)].map((m) => Number(m[1]))
}

/** The first-load files of an H5 build (dist/h5), or null when it is not built. */
export function h5FirstLoad(dist: string): FirstLoad | null {
  const indexHtml = path.join(dist, 'index.html')
  if (!fs.existsSync(indexHtml)) return null
  const html = fs.readFileSync(indexHtml, 'utf8')
  const named = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!)
  const entry = named.find((f) => /(^|\/)app\.[^/]*\.js$/.test(f))
  const routes = /"pages":\["([^"]+)"/.exec(entry ? fs.readFileSync(path.join(dist, entry), 'utf8') : '')
  const chunks = entry && routes ? routeChunks(fs.readFileSync(path.join(dist, entry), 'utf8'), routes[1]!) : []
  const chunkFiles = chunks.flatMap((id) =>
    ['js', 'css'].flatMap((dir) => {
      const folder = path.join(dist, dir)
      if (!fs.existsSync(folder)) return []
      return fs
        .readdirSync(folder)
        .filter((f) => f.startsWith(`${id}.`) && f.endsWith(`.${dir}`))
        .map((f) => `${dir}/${f}`)
    }),
  )
  const files = [servedSize(indexHtml, 'index.html'), ...[...named, ...chunkFiles].map((f) => servedSize(path.join(dist, f), f))]
  const sum = (k: 'raw' | 'gzip' | 'brotli') => files.reduce((n, f) => n + f[k], 0)
  return { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') }
}
