/**
 * The empty Taro React app (bench/empty-app) built with the project's Taro config, cached in
 * node_modules/.cache/empty-taro-<taro version>/ so only the first run of a Taro version builds it.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
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
  fs.rmSync(dir, { recursive: true, force: true })
  fs.cpSync(path.join(ROOT, 'bench/empty-app'), dir, { recursive: true })
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>
  const { templateInfo, browserslist, dependencies, devDependencies } = pkg
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'empty-taro', private: true, templateInfo, browserslist, dependencies, devDependencies }, null, 2),
  )
  for (const f of ['babel.config.js', 'tsconfig.json']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f))
  const taro = path.join(ROOT, 'node_modules/@tarojs/cli/bin/taro')
  for (const type of ['weapp', 'h5']) {
    execFileSync(process.execPath, [taro, 'build', '--type', type], {
      cwd: dir,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    })
  }
  return { dir, builtNow: true, buildMs: Date.now() - started }
}
