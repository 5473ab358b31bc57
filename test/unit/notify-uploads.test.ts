import { backoffMs } from '../../server/features/notifications/notification-worker'
import { sniffImage } from '../../server/features/uploads/image-sniff'
import { contentDisposition, sanitizeFilename } from '../../server/features/uploads/uploads.service'
import { gif, jpeg, png, webp } from '../support/images'

describe('sniffImage', () => {
  it('knows the four image types and their sizes from the first bytes', () => {
    expect(sniffImage(png(7, 5))).toEqual({ contentType: 'image/png', width: 7, height: 5 })
    expect(sniffImage(jpeg(1920, 1080))).toEqual({ contentType: 'image/jpeg', width: 1920, height: 1080 })
    expect(sniffImage(gif(1, 2))).toEqual({ contentType: 'image/gif', width: 1, height: 2 })
    expect(sniffImage(webp(300, 200))).toEqual({ contentType: 'image/webp', width: 300, height: 200 })
  })

  it('refuses everything else, including look-alikes', () => {
    for (const text of ['<svg xmlns="http://www.w3.org/2000/svg"/>', '%PDF-1.7', 'GIF90a', 'RIFF\0\0\0\0WAVEfmt ', 'PK\x03\x04']) {
      expect(sniffImage(Buffer.from(text, 'latin1'))).toBeNull()
    }
    expect(sniffImage(Buffer.alloc(0))).toBeNull()
  })

  it('still recognises a JPEG whose size marker is cut off, without a size', () => {
    expect(sniffImage(jpeg().subarray(0, 30))).toEqual({ contentType: 'image/jpeg', width: null, height: null })
  })
})

describe('file names', () => {
  it('keeps the readable part, drops paths and header-breaking characters, and uses the real extension', () => {
    expect(sanitizeFilename('C:\\Users\\me\\售后照片.JPG', 'image/jpeg')).toBe('售后照片.jpg')
    expect(sanitizeFilename('../../etc/passwd', 'image/png')).toBe('passwd.png')
    expect(sanitizeFilename('a"b\r\nc;d.gif', 'image/gif')).toBe('abcd.gif')
    expect(sanitizeFilename(undefined, 'image/webp')).toBe('image.webp')
    expect(sanitizeFilename('.png', 'image/png')).toBe('image.png')
  })

  it('writes an inline Content-Disposition with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('照片.png')).toBe(`inline; filename="__.png"; filename*=UTF-8''%E7%85%A7%E7%89%87.png`)
  })
})

describe('backoffMs', () => {
  const opts = { baseDelayMs: 30_000, maxDelayMs: 3_600_000 }
  it('doubles per attempt within ±20 % and stops growing at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, opts, () => 0.5))).toEqual([30_000, 60_000, 120_000, 240_000])
    expect(backoffMs(1, opts, () => 0)).toBe(24_000)
    expect(backoffMs(1, opts, () => 0.999999)).toBeLessThanOrEqual(36_000)
    expect(backoffMs(20, opts, () => 0.5)).toBe(3_600_000)
  })
})
