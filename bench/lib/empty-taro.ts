/**
 * The empty Taro React app (bench/empty-app) built with the project's Taro config, cached in
 * node_modules/.cache/empty-taro-<taro version>/ so only the first run of a Taro version builds it.
 * It is built in a scratch folder: Taro compiles neither config nor sources under node_modules.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')

/** The installed Taro version (the cache key). */
export function taroVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@tarojs/cli/package.json'), 'utf8')) as { version: string }
  return pkg.version
}

/** Builds (or reuses) the empty app; returns its folder with dist/weapp and dist/h5, and whether it was built now. */
export function emptyTaroBuild(): { dir: string; builtNow: boolean; buildMs: number } {
  const dir = path.join(ROOT, 'node_modules/.cache', `empty-taro-${taroVersion()}`)
  const done = (p: string) => fs.existsSync(path.join(dir, 'dist', p))
  if (done('weapp/app.js') && done('h5/index.html')) return { dir, builtNow: false, buildMs: 0 }
  const started = Date.now()
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'empty-taro-'))
  try {
    fs.cpSync(path.join(ROOT, 'bench/empty-app'), scratch, { recursive: true })
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>
    const { templateInfo, browserslist, dependencies, devDependencies } = pkg
    fs.writeFileSync(
      path.join(scratch, 'package.json'),
      JSON.stringify({ name: 'empty-taro', private: true, templateInfo, browserslist, dependencies, devDependencies }, null, 2),
    )
    for (const f of ['babel.config.js', 'tsconfig.json']) fs.copyFileSync(path.join(ROOT, f), path.join(scratch, f))
    fs.cpSync(path.join(ROOT, 'config'), path.join(scratch, 'config/project'), { recursive: true })
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(scratch, 'node_modules'), 'dir')
    const taro = path.join(ROOT, 'node_modules/@tarojs/cli/bin/taro')
    for (const type of ['weapp', 'h5']) {
      execFileSync(process.execPath, [taro, 'build', '--type', type], {
        cwd: scratch,
        stdio: 'pipe',
        env: { ...process.env, NODE_ENV: 'production' },
      })
    }
    fs.rmSync(dir, { recursive: true, force: true })
    fs.mkdirSync(dir, { recursive: true })
    fs.cpSync(path.join(scratch, 'dist'), path.join(dir, 'dist'), { recursive: true })
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
  return { dir, builtNow: true, buildMs: Date.now() - started }
}
