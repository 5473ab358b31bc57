import type { UploadContentType } from '../../../types/upload'

export interface SniffedImage {
  contentType: UploadContentType
  width: number | null
  height: number | null
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function startsWith(buf: Buffer, bytes: number[], at = 0): boolean {
  return buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b)
}

function ascii(buf: Buffer, at: number, len: number): string {
  return buf.length >= at + len ? buf.toString('latin1', at, at + len) : ''
}

/** Recognises jpeg/png/webp/gif by their first bytes (never by name or declared type). */
export function sniffImage(buf: Buffer): SniffedImage | null {
  if (startsWith(buf, PNG)) {
    const ok = ascii(buf, 12, 4) === 'IHDR'
    return { contentType: 'image/png', width: ok ? buf.readUInt32BE(16) : null, height: ok ? buf.readUInt32BE(20) : null }
  }
  if (ascii(buf, 0, 6) === 'GIF87a' || ascii(buf, 0, 6) === 'GIF89a') {
    return {
      contentType: 'image/gif',
      width: buf.length >= 10 ? buf.readUInt16LE(6) : null,
      height: buf.length >= 10 ? buf.readUInt16LE(8) : null,
    }
  }
  if (ascii(buf, 0, 4) === 'RIFF' && ascii(buf, 8, 4) === 'WEBP') return { contentType: 'image/webp', ...webpSize(buf) }
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', ...jpegSize(buf) }
  return null
}

type Size = { width: number | null; height: number | null }
const UNKNOWN: Size = { width: null, height: null }

function webpSize(buf: Buffer): Size {
  const chunk = ascii(buf, 12, 4)
  if (chunk === 'VP8 ' && buf.length >= 30) return { width: buf.readUInt16LE(26) & 0x3fff, height: buf.readUInt16LE(28) & 0x3fff }
  if (chunk === 'VP8L' && buf.length >= 25) {
    const bits = buf.readUInt32LE(21)
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
  }
  if (chunk === 'VP8X' && buf.length >= 30) return { width: buf.readUIntLE(24, 3) + 1, height: buf.readUIntLE(27, 3) + 1 }
  return UNKNOWN
}

// Start-of-frame markers carry the size; DHT (C4), JPG (C8) and DAC (CC) share the range but do not.
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

function jpegSize(buf: Buffer): Size {
  let at = 2
  while (at + 9 < buf.length) {
    if (buf[at] !== 0xff) return UNKNOWN
    const marker = buf[at + 1]
    if (marker === 0xff) {
      at += 1
      continue
    }
    if (SOF.has(marker)) return { height: buf.readUInt16BE(at + 5), width: buf.readUInt16BE(at + 7) }
    at += 2 + buf.readUInt16BE(at + 2)
  }
  return UNKNOWN
}
