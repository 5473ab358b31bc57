import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

function sha256Source(text: string): string {
  return `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`
}

/** sha256 sources for the inline scripts of the built index.html (Taro's rem sizing snippet). */
export function inlineScriptHashes(h5Dir: string): string[] {
  const file = path.join(h5Dir, 'index.html')
  if (!fs.existsSync(file)) return []
  const html = fs.readFileSync(file, 'utf8')
  const hashes: string[] = []
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    if (m[1].trim() === '') continue
    hashes.push(sha256Source(m[1]))
  }
  return hashes
}

/**
 * The H5 app's Content-Security-Policy: its own scripts (plus the hashed inline snippet),
 * styles including the inline ones Taro's components write, images from itself and the
 * data:/blob: URLs of previews, and API calls to its own origin (or the configured API base).
 */
export function cspDirectives(h5Dir: string, apiOrigins: string[] = []): Record<string, string[] | null> {
  return {
    defaultSrc: ["'self'"],
    // Taro's tab bar links are `javascript:;` (a no-op); only that exact URL is allowed to run.
    scriptSrc: ["'self'", ...inlineScriptHashes(h5Dir), "'unsafe-hashes'", sha256Source('javascript:;')],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    fontSrc: ["'self'", 'data:'],
    // Taro's uploadFile reads the picked file back from its blob: URL before sending it.
    connectSrc: ["'self'", 'blob:', ...apiOrigins],
    mediaSrc: ["'self'", 'blob:'],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'self'"],
    // Helmet's default would push plain-http development setups to https.
    upgradeInsecureRequests: null,
  }
}
