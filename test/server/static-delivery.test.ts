import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { precompressDir } from '../../server/lib/precompress'
import { buildTestApp, guest } from '../support/server'

/** A small H5 build: an index page and a content-hashed script large enough to be compressed. */
function fakeBuild(): { dir: string; script: Buffer; html: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-h5-'))
  fs.mkdirSync(path.join(dir, 'js'))
  const script = Buffer.from(
    Array.from({ length: 400 }, (_, i) => `export const answer${i} = ${i} * 2; // 客服中心 line ${i}\n`).join(''),
    'utf8',
  )
  const html = Buffer.from(
    `<!doctype html><html><head><title>客服中心</title>${'<meta name="x" content="padding">'.repeat(40)}</head><body><script src="/js/app.2c4fc6e5.js"></script></body></html>`,
  )
  fs.writeFileSync(path.join(dir, 'js', 'app.2c4fc6e5.js'), script)
  fs.writeFileSync(path.join(dir, 'index.html'), html)
  precompressDir(dir)
  return { dir, script, html }
}

describe('static H5 delivery: compressed, cached, outside the API rate limit', () => {
  let app: FastifyInstance
  let build: ReturnType<typeof fakeBuild>
  beforeAll(async () => {
    build = fakeBuild()
    app = await buildTestApp({ h5Dir: build.dir, rateLimitMax: 5 })
  })
  afterAll(async () => {
    await app.close()
    fs.rmSync(build.dir, { recursive: true, force: true })
  })

  it('sends brotli to clients that accept it, and the bytes decode to the built file', async () => {
    const res = await app.inject({ url: '/js/app.2c4fc6e5.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toMatch(/javascript/)
    expect(res.headers.vary).toMatch(/accept-encoding/i)
    expect(res.rawPayload.length).toBeLessThan(build.script.length / 3)
    expect(zlib.brotliDecompressSync(res.rawPayload).equals(build.script)).toBe(true)
  })

  it('sends gzip to clients without brotli, and plain bytes to clients asking for no encoding', async () => {
    const gz = await app.inject({ url: '/js/app.2c4fc6e5.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(zlib.gunzipSync(gz.rawPayload).equals(build.script)).toBe(true)
    const plain = await app.inject({ url: '/js/app.2c4fc6e5.js', headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.rawPayload.equals(build.script)).toBe(true)
  })

  it('lets browsers keep content-hashed files for a year and revalidate index.html', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const script = await app.inject({ url: '/js/app.2c4fc6e5.js', headers: { 'accept-encoding': encoding } })
      expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    }
    for (const url of ['/', '/index.html', '/pages/chat/index']) {
      const page = await app.inject({ url, headers: { 'accept-encoding': 'br' } })
      expect(page.statusCode).toBe(200)
      expect(page.headers['cache-control']).toBe('no-cache')
      expect(zlib.brotliDecompressSync(page.rawPayload).equals(build.html)).toBe(true)
    }
  })

  it("gives pages the app's content policy and API answers a deny-all one, with the same other security headers", async () => {
    const page = await app.inject({ url: '/' })
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    const api = await app.inject({ url: '/healthz' })
    expect(api.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'self'")
    for (const res of [page, api]) {
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'SAMEORIGIN',
        'referrer-policy': 'no-referrer',
      })
    }
  })

  it('does not count page loads against the API budget, which still holds for API calls', async () => {
    for (let i = 0; i < 12; i++) {
      const res = await app.inject({ url: '/js/app.2c4fc6e5.js', remoteAddress: '10.9.8.7' })
      expect(res.statusCode).toBe(200)
      expect(res.headers['x-ratelimit-limit']).toBeUndefined()
    }
    const { authorization } = await guest(app)
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) {
      const res = await app.inject({ url: '/api/auth/me', headers: { authorization } })
      statuses.push(res.statusCode)
      if (res.statusCode === 200) expect(res.headers['x-ratelimit-limit']).toBe('5')
    }
    expect(statuses).toContain(429)
  })
})

describe('precompressDir', () => {
  it('skips tiny files and replaces copies left by an earlier build', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sd-pre-'))
    try {
      fs.writeFileSync(path.join(dir, 'tiny.js'), 'x=1')
      fs.writeFileSync(path.join(dir, 'tiny.js.gz'), 'stale')
      fs.writeFileSync(path.join(dir, 'photo.png'), Buffer.alloc(4096))
      fs.writeFileSync(path.join(dir, 'big.css'), 'a{color:red}\n'.repeat(500))
      const summary = precompressDir(dir)
      expect(fs.existsSync(path.join(dir, 'tiny.js.gz'))).toBe(false)
      expect(fs.existsSync(path.join(dir, 'photo.png.br'))).toBe(false)
      expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, 'big.css.gz'))).toString()).toBe('a{color:red}\n'.repeat(500))
      expect(summary.brotliBytes).toBeLessThan(summary.bytes)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
