#!/usr/bin/env node
/**
 * Draws the tab bar icons (81×81 PNG, normal + selected) and the help center's channel icons
 * from simple shapes, using only Node's built-in modules: shapes are signed-distance
 * functions, supersampled for smooth edges.
 * Usage: node scripts/make-tabbar-icons.js  → src/assets/tabbar/*.png, src/assets/icons/*.png
 */
const fs = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')
const { Buffer } = require('node:buffer')

const SIZE = 81
const SAMPLES = 4
const STROKE = 3.2
const COLORS = { normal: [0x66, 0x66, 0x66], selected: [0xff, 0x50, 0x00] }
const OUT = path.resolve(__dirname, '../src/assets/tabbar')
const ICONS_OUT = path.resolve(__dirname, '../src/assets/icons')

// --- signed distance helpers (negative inside) ---
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r
const ring = (x, y, cx, cy, r) => Math.abs(circle(x, y, cx, cy, r)) - STROKE / 2
function segment(x, y, ax, ay, bx, by, w = STROKE) {
  const px = x - ax,
    py = y - ay,
    dx = bx - ax,
    dy = by - ay
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - dx * t, py - dy * t) - w / 2
}
function roundRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r),
    qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r)
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}
const outline = (d) => Math.abs(d) - STROKE / 2
/** Ring arc from angle a0 to a1 (radians, clockwise from +x with y down). */
function arc(x, y, cx, cy, r, a0, a1) {
  let a = Math.atan2(y - cy, x - cx)
  while (a < a0) a += Math.PI * 2
  if (a <= a1) return ring(x, y, cx, cy, r)
  const e0 = [cx + r * Math.cos(a0), cy + r * Math.sin(a0)],
    e1 = [cx + r * Math.cos(a1), cy + r * Math.sin(a1)]
  return Math.min(Math.hypot(x - e0[0], y - e0[1]), Math.hypot(x - e1[0], y - e1[1])) - STROKE / 2
}
const union = (...ds) => Math.min(...ds)

// --- the three icons, on the 81 px canvas with ~10 px margins ---
const ICONS = {
  // 帮助中心: a question mark inside a circle
  help: (x, y) =>
    union(
      ring(x, y, 40.5, 40.5, 27),
      arc(x, y, 40.5, 33, 8, Math.PI, Math.PI * 2.35),
      segment(x, y, 40.5 + 8 * Math.cos(Math.PI * 0.35), 33 + 8 * Math.sin(Math.PI * 0.35), 40.5, 45),
      segment(x, y, 40.5, 45, 40.5, 47),
      circle(x, y, 40.5, 55, 2.6),
    ),
  // 在线客服: a speech bubble with a tail and three dots
  chat: (x, y) =>
    union(
      outline(roundRect(x, y, 13, 16, 68, 57, 12)),
      segment(x, y, 26, 57, 21, 67),
      segment(x, y, 21, 67, 36, 57),
      circle(x, y, 28.5, 36.5, 3.2),
      circle(x, y, 40.5, 36.5, 3.2),
      circle(x, y, 52.5, 36.5, 3.2),
    ),
  // 我的工单: a document with lines
  tickets: (x, y) =>
    union(
      outline(roundRect(x, y, 19, 12, 62, 69, 7)),
      segment(x, y, 28, 28, 53, 28),
      segment(x, y, 28, 40, 53, 40),
      segment(x, y, 28, 52, 43, 52),
    ),
}

const bubbleA = (x, y) => roundRect(x, y, 9, 13, 53, 45, 14)
const bubbleB = (x, y) => roundRect(x, y, 31, 33, 72, 63, 13)

// --- channel icons of the help center (brand colour only) ---
const CHANNEL_ICONS = {
  chat: ICONS.chat,
  // 微信客服: two overlapping bubbles, the front one cutting the back one's outline
  wechat: (x, y) =>
    union(
      Math.max(outline(bubbleA(x, y)), -(bubbleB(x, y) - 3)),
      segment(x, y, 19, 45, 15, 53),
      segment(x, y, 15, 53, 27, 45),
      outline(bubbleB(x, y)),
      circle(x, y, 24, 29, 2.8),
      circle(x, y, 38, 29, 2.8),
      circle(x, y, 45, 48, 2.6),
      circle(x, y, 58, 48, 2.6),
    ),
  // 电话客服: a phone
  phone: (x, y) => union(outline(roundRect(x, y, 24, 10, 57, 71, 8)), segment(x, y, 35, 19, 46, 19), circle(x, y, 40.5, 61, 3)),
  // 邮件咨询: an envelope
  email: (x, y) => union(outline(roundRect(x, y, 11, 19, 70, 62, 7)), segment(x, y, 15, 25, 40.5, 44), segment(x, y, 40.5, 44, 66, 25)),
  // 提交工单: a document with a plus
  ticket: (x, y) =>
    union(outline(roundRect(x, y, 19, 12, 62, 69, 7)), segment(x, y, 40.5, 28, 40.5, 54), segment(x, y, 27.5, 41, 53.5, 41)),
  tickets: ICONS.tickets,
}

function render(sdf, rgb, filledBackdrop) {
  const px = Buffer.alloc(SIZE * SIZE * 4)
  for (let j = 0; j < SIZE; j++) {
    for (let i = 0; i < SIZE; i++) {
      let cover = 0
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = i + (sx + 0.5) / SAMPLES,
            y = j + (sy + 0.5) / SAMPLES
          if (sdf(x, y) <= 0) cover++
        }
      }
      let alpha = cover / (SAMPLES * SAMPLES)
      // The selected state gets a soft tinted disc behind the glyph.
      const halo = filledBackdrop && circle(i + 0.5, j + 0.5, 40.5, 40.5, 38) <= 0 ? 0.12 : 0
      const o = (j * SIZE + i) * 4
      alpha = Math.max(alpha, halo)
      px[o] = rgb[0]
      px[o + 1] = rgb[1]
      px[o + 2] = rgb[2]
      px[o + 3] = Math.round(alpha * 255)
    }
  }
  return px
}

// --- minimal PNG encoder (RGBA, 8 bit, filter 0) ---
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}
function encodePng(rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
  for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

fs.mkdirSync(OUT, { recursive: true })
for (const [name, sdf] of Object.entries(ICONS)) {
  fs.writeFileSync(path.join(OUT, `${name}.png`), encodePng(render(sdf, COLORS.normal, false)))
  fs.writeFileSync(path.join(OUT, `${name}-active.png`), encodePng(render(sdf, COLORS.selected, true)))
}
fs.mkdirSync(ICONS_OUT, { recursive: true })
for (const [name, sdf] of Object.entries(CHANNEL_ICONS)) {
  fs.writeFileSync(path.join(ICONS_OUT, `${name}.png`), encodePng(render(sdf, COLORS.selected, false)))
}
console.log(`wrote ${Object.keys(ICONS).length * 2 + Object.keys(CHANNEL_ICONS).length} icons `)
