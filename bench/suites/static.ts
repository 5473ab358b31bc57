import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { benchConfig, H5_DIR } from '../lib/app-config'
import { startServer } from '../lib/processes'
import { round } from '../lib/stats'
import type { BenchSuite, Measure } from '../lib/types'

/** The files index.html loads first: its scripts and styles, in the order it names them. */
function firstLoadFiles(): string[] {
  const html = fs.readFileSync(path.join(H5_DIR, 'index.html'), 'utf8')
  const refs = [...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => `/${m[1]}`)
  return ['/', ...refs]
}

type Headers = http.IncomingHttpHeaders

/** Body bytes as they cross the network (fetch would decode them), with the response headers. */
function rawGet(url: string, encoding: string): Promise<{ bytes: number; headers: Headers }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': encoding } }, (res) => {
        let bytes = 0
        res.on('data', (c: Buffer) => (bytes += c.length))
        res.on('end', () => resolve({ bytes, headers: res.headers }))
      })
      .on('error', reject)
  })
}

async function bytesOf(base: string, urls: string[], encoding: string): Promise<{ bytes: number; headers: Headers[] }> {
  let bytes = 0
  const headers: Headers[] = []
  for (const url of urls) {
    const res = await rawGet(`${base}${url}`, encoding)
    bytes += res.bytes
    headers.push(res.headers)
  }
  return { bytes, headers }
}

const suite: BenchSuite = {
  id: 'static',
  title: 'Static delivery of the H5 build (index.html and the files it loads first)',
  async run() {
    if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
      return [
        {
          id: 'static.first-load-br',
          title: 'First-load bytes, brotli',
          value: NaN,
          unit: 'KB',
          baseline: null,
          ratio: null,
          goal: '',
          met: null,
          note: 'not measured: dist/h5 is missing (npm run build:h5)',
        },
      ]
    }
    const app = await startServer('app', benchConfig('static'))
    try {
      const files = firstLoadFiles()
      const plain = await bytesOf(app.url, files, 'identity')
      const measures: Measure[] = []
      for (const [id, encoding, label] of [
        ['static.first-load-br', 'br', 'brotli'],
        ['static.first-load-gzip', 'gzip', 'gzip'],
      ] as const) {
        const packed = await bytesOf(app.url, files, encoding)
        const encoded = packed.headers.filter((h) => h['content-encoding'] === encoding).length
        measures.push({
          id,
          title: `First-load bytes as sent with Accept-Encoding: ${encoding} (${files.length} files)`,
          value: round(packed.bytes / 1024),
          unit: 'KB',
          baseline: { title: 'the same files uncompressed (before the fix)', value: round(plain.bytes / 1024), unit: 'KB' },
          ratio: round(packed.bytes / plain.bytes),
          goal: `every file sent ${label}-encoded`,
          met: encoded === files.length,
          note: `${encoded} of ${files.length} files came ${label}-encoded (precompressed at build time).`,
        })
      }
      const hashed = plain.headers.slice(1)
      const immutable = hashed.filter((h) => h['cache-control'] === 'public, max-age=31536000, immutable').length
      const limited = plain.headers.filter((h) => 'x-ratelimit-limit' in h).length
      measures.push({
        id: 'static.cache-and-limits',
        title: 'Hashed files cached a year, index.html revalidated, none counted by the API rate limiter',
        value: immutable,
        unit: 'files',
        baseline: { title: 'hashed files loaded first', value: hashed.length, unit: 'files' },
        ratio: hashed.length ? round(immutable / hashed.length) : null,
        goal: 'all hashed files immutable; index.html no-cache; no x-ratelimit-*',
        met: immutable === hashed.length && plain.headers[0]['cache-control'] === 'no-cache' && limited === 0,
        note: `index.html: Cache-Control ${plain.headers[0]['cache-control']}; ${limited} responses carried x-ratelimit-*.`,
      })
      return measures
    } finally {
      await app.close()
    }
  },
}

export default suite
