/**
 * Entities a shopper mentions in a message: order and tracking numbers, amounts of money,
 * dates and phone numbers. Pure functions over the text; nothing is looked up.
 */
import type { BotEntities } from '../../../../types/chat'
import { detectOrderNo, detectTrackingNo } from './retrieval'

// Mainland mobile numbers: 11 digits starting 13–19, optionally +86 and separators.
const PHONE = /(?<!\d)(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g

// "¥59.9", "59元", "59块", "RMB 59", "59 yuan" — a bare number is not money.
const AMOUNT = /(?:[¥￥]|rmb\s?|cny\s?)(\d{1,7}(?:\.\d{1,2})?)|(\d{1,7}(?:\.\d{1,2})?)\s?(?:元|块钱|块|rmb|yuan|cny)(?![a-z])/gi

// 3月5日, 3月5号, 2024年3月5日, 2024-03-05, 2024/3/5, 3/5 — never digits inside a longer number or a price.
const ABSOLUTE_DATE =
  /(?<![\d.])(?:(20\d{2})年)?(1[0-2]|0?[1-9])月(3[01]|[12]\d|0?[1-9])[日号]?|(?<![\d.])(?:(20\d{2})[-/])?(1[0-2]|0?[1-9])\/(3[01]|[12]\d|0?[1-9])(?![\d.])|(?<![\d.])(20\d{2})-(1[0-2]|0[1-9])-(3[01]|[12]\d|0[1-9])(?![\d.])/g
const RELATIVE_DATES: readonly [RegExp, string][] = [
  [/大前天/, 'three_days_ago'],
  [/(?<!大)前天/, 'day_before_yesterday'],
  [/昨天|昨晚|昨日|yesterday/i, 'yesterday'],
  [/今天|今晚|今日|today|tonight/i, 'today'],
  [/明天|明早|明晚|tomorrow/i, 'tomorrow'],
  [/后天/, 'day_after_tomorrow'],
  [/上周|上个星期|上礼拜|last week/i, 'last_week'],
  [/这周|本周|this week/i, 'this_week'],
  [/周末|weekend/i, 'weekend'],
]

/** Phone numbers masked in the middle (138****5678): enough for an agent to confirm, useless to anyone else. */
function maskPhone(a: string, c: string): string {
  return `${a}****${c}`
}

/** Every entity found in the text. */
export function extractEntities(raw: string): BotEntities {
  const text = raw.normalize('NFKC')
  const orderNo = detectOrderNo(text)
  const trackingNo = detectTrackingNo(text)
  const phones: string[] = []
  for (const m of text.matchAll(PHONE)) {
    // An 11-digit run inside a longer order number is not a phone.
    if (orderNo?.includes(`${m[1]}${m[2]}${m[3]}`)) continue
    phones.push(maskPhone(m[1] ?? '', m[3] ?? ''))
  }
  const amountsCents: number[] = []
  for (const m of text.matchAll(AMOUNT)) {
    const value = Number(m[1] ?? m[2])
    if (Number.isFinite(value)) amountsCents.push(Math.round(value * 100))
  }
  const dates: string[] = []
  for (const m of text.matchAll(ABSOLUTE_DATE)) {
    const y = m[1] ?? m[4] ?? m[7]
    const mo = m[2] ?? m[5] ?? m[8]
    const d = m[3] ?? m[6] ?? m[9]
    dates.push(`${y ? `${y}-` : ''}${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
  }
  for (const [re, label] of RELATIVE_DATES) if (re.test(text)) dates.push(label)
  return {
    ...(orderNo ? { orderNo } : {}),
    ...(trackingNo ? { trackingNo } : {}),
    ...(amountsCents.length ? { amountsCents } : {}),
    ...(dates.length ? { dates: [...new Set(dates)] } : {}),
    ...(phones.length ? { phones: [...new Set(phones)] } : {}),
  }
}
