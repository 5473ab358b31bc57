/** `tsx server/scripts/precompress.ts <dir>`: writes .br and .gz beside the built static files. */
import path from 'node:path'
import { precompressDir } from '../lib/precompress'

const dir = path.resolve(process.argv[2] ?? 'dist/h5')
const s = precompressDir(dir)
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
console.log(`precompressed ${s.files} files in ${dir}: ${kb(s.bytes)} → gzip ${kb(s.gzipBytes)}, brotli ${kb(s.brotliBytes)}`)
