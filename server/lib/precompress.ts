import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/** Files worth compressing: text formats; images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map|xml|wasm)$/i
/** Below this, the encoding headers cost about what compression saves. */
const MIN_BYTES = 512

/** What precompressing one directory wrote. */
export interface PrecompressSummary {
  files: number
  bytes: number
  gzipBytes: number
  brotliBytes: number
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else if (entry.isFile()) yield full
  }
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of `dir` (best levels, done
 * once at build time) so the server sends them as they are; a stale pair from an earlier build
 * is replaced, and one that would not be smaller is removed.
 */
export function precompressDir(dir: string): PrecompressSummary {
  const summary: PrecompressSummary = { files: 0, bytes: 0, gzipBytes: 0, brotliBytes: 0 }
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file)) continue
    const raw = fs.readFileSync(file)
    const variants: Array<[string, Buffer | null]> = [
      ['.gz', raw.length < MIN_BYTES ? null : zlib.gzipSync(raw, { level: 9 })],
      [
        '.br',
        raw.length < MIN_BYTES
          ? null
          : zlib.brotliCompressSync(raw, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
              },
            }),
      ],
    ]
    summary.files++
    summary.bytes += raw.length
    for (const [ext, packed] of variants) {
      const out = file + ext
      const kept = packed && packed.length < raw.length ? packed : null
      if (kept) fs.writeFileSync(out, kept)
      else fs.rmSync(out, { force: true })
      const size = kept ? kept.length : raw.length
      if (ext === '.gz') summary.gzipBytes += size
      else summary.brotliBytes += size
    }
  }
  return summary
}
