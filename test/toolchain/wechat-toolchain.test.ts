import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { compileWxml, compileWxss, makeRunnable, packagesOf } from '../support/wechat-compilers'

const ROOT = path.resolve(__dirname, '../..')
const DIST = path.join(ROOT, 'dist/weapp')

interface QualityItem {
  name: string
  success: boolean
  text: string
  detail?: unknown
}

/** DevTools' code-quality scan, offline, in a child process (see wechat-quality.js). */
function codeQuality(): QualityItem[] {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mp-quality-out-')), 'items.json')
  execFileSync(process.execPath, [path.join(__dirname, '../support/wechat-quality.js'), ROOT, out], { stdio: 'pipe', timeout: 120_000 })
  return JSON.parse(fs.readFileSync(out, 'utf8')) as QualityItem[]
}

describe('the built dist/weapp through WeChat’s own toolchain', () => {
  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'app.json'))) throw new Error('dist/weapp is missing: run npm run build:weapp first')
    makeRunnable()
  })

  const packages = fs.existsSync(path.join(DIST, 'app.json')) ? packagesOf(DIST) : []

  it('has a main package and one package per subPackages root, each with its pages', () => {
    expect(packages.map((p) => p.name)).toEqual(['main', 'pages/ticket/', 'pages/agent/'])
    for (const p of packages) expect(p.wxml.length).toBeGreaterThan(0)
  })

  it.each(packages.map((p) => [p.name, p] as const))('wcc compiles every WXML of the %s package', (_name, pkg) => {
    const r = compileWxml(DIST, pkg)
    expect(r.errors).toBe('')
    expect(r.status).toBe(0)
    expect(r.output).toBeGreaterThan(0)
  })

  it.each(packages.map((p) => [p.name, p] as const))('wcsc compiles every WXSS of the %s package', (_name, pkg) => {
    const r = compileWxss(DIST, pkg)
    expect(r.errors).toBe('')
    expect(r.status).toBe(0)
    expect(r.output).toBeGreaterThan(0)
  })

  it('wcsc still rejects the selectors it cannot compile (the check is live)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wcsc-probe-'))
    fs.writeFileSync(path.join(dir, 'bad.wxss'), '.grid > :first-child { color: red; }\n')
    const r = compileWxss(dir, { name: 'probe', wxml: [], wxs: [], wxss: ['bad.wxss'] })
    expect(r.status === 0 && r.errors === '').toBe(false)
  })

  it('passes every item of DevTools’ code-quality scan', () => {
    const items = codeQuality()
    expect(items.map((i) => i.name)).toEqual(
      expect.arrayContaining([
        'PACKAGE_SIZE_LIMIT',
        'JS_COMPRESS_OPEN',
        'WXML_COMPRESS_OPEN',
        'WXSS_COMPRESS_OPEN',
        'LAZYCODE_LOADING_OPEN',
        'IMAGE_AND_AUDIO_LIMIT',
        'CONTAINS_OTHER_PKG_JS',
        'CONTAINS_OTHER_PKG_COMPONENTS',
        'CONTAINS_UNUSED_PLUGINS',
        'CONTAINS_UNUSED_COMPONENTS',
        'CONTAINS_UNUSED_CODES',
      ]),
    )
    expect(items.filter((i) => !i.success).map((i) => `${i.name}: ${i.text}`)).toEqual([])
  })

  it('ships what the package needs and nothing else', () => {
    expect(fs.existsSync(path.join(DIST, 'project.config.json'))).toBe(false)
    expect(fs.existsSync(path.join(DIST, 'project.private.config.json'))).toBe(false)
    const sitemap = JSON.parse(fs.readFileSync(path.join(DIST, 'sitemap.json'), 'utf8')) as { rules: { action: string; page: string }[] }
    expect(sitemap.rules.length).toBeGreaterThan(0)
    const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as Record<string, unknown>
    expect(app).toMatchObject({ lazyCodeLoading: 'requiredComponents', sitemapLocation: 'sitemap.json' })
    const project = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as {
      libVersion: string
      setting: Record<string, boolean>
    }
    expect(project.setting).toMatchObject({ es6: true, minified: true, minifyWXML: true, minifyWXSS: true })
    const [major, minor, patch] = project.libVersion.split('.').map(Number)
    expect(major * 10_000 + minor * 100 + patch).toBeGreaterThanOrEqual(2 * 10_000 + 32 * 100 + 3)
  })
})
