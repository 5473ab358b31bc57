import { benchConfig, guestToken } from '../lib/app-config'
import { meanMs } from '../lib/load'
import { startServer } from '../lib/processes'
import { round } from '../lib/stats'
import type { BenchSuite } from '../lib/types'

const UPLOAD_BYTES = 200 * 1024

/** JPEG magic bytes followed by noise, so the server stores it as an image. */
function fakeJpeg(size: number): Buffer {
  const b = Buffer.alloc(size)
  for (let i = 0; i < size; i++) b[i] = (i * 2654435761) >>> 24
  b.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 0)
  return b
}

const suite: BenchSuite = {
  id: 'uploads',
  title: 'Uploads: a 200 KB image uploaded, then downloaded from its URL',
  async run() {
    const image = fakeJpeg(UPLOAD_BYTES)
    const echo = await startServer('echo')
    const app = await startServer('app', benchConfig('uploads'))
    try {
      const plain = await meanMs(async () => {
        const res = await fetch(`${echo.url}/`, { method: 'POST', body: image })
        await res.arrayBuffer()
      }, 3000)
      const auth = { authorization: `Bearer ${await guestToken(app.url)}` }
      const upload = await meanMs(async () => {
        const form = new FormData()
        form.append('file', new Blob([new Uint8Array(image)], { type: 'image/jpeg' }), 'bench.jpg')
        const res = await fetch(`${app.url}/api/uploads`, { method: 'POST', body: form, headers: auth })
        if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`)
        const created = (await res.json()) as { url: string }
        const back = await fetch(`${app.url}${created.url}`)
        if ((await back.arrayBuffer()).byteLength !== UPLOAD_BYTES) throw new Error('upload round trip returned other bytes')
      }, 3000)
      const ratio = upload.meanMs / plain.meanMs
      return [
        {
          id: 'uploads.round-trip',
          title: 'POST /api/uploads + GET its URL (200 KB JPEG)',
          value: round(upload.meanMs),
          unit: 'ms',
          baseline: { title: 'plain HTTP echo of the same bytes', value: round(plain.meanMs), unit: 'ms' },
          ratio: round(ratio),
          goal: '≤ 2× the echo',
          met: ratio <= 2,
          note: `${upload.runs} round trips (echo: ${plain.runs}). Two requests against the echo's one: multipart parsing, the image check, the quota, the database rows and the signed link.`,
        },
      ]
    } finally {
      await Promise.all([echo.close(), app.close()])
    }
  },
}

export default suite
