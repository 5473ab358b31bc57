import { getLang } from './i18n'

const pad = (n: number) => String(n).padStart(2, '0')

/** "14:05" today, "11-24 14:05" on other days, "" for a bad date. */
export function clockTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate()
  return sameDay ? hm : `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}`
}

/** 10:05 today, 昨天 10:05, 3月5日 10:05, or 2025年3月5日 10:05 (English: Yesterday, Mar 5 …). */
export function formatTime(iso: string, now: Date = new Date(), lang: 'zh' | 'en' = getLang()): string {
  const d = new Date(iso)
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
  const t = d.getTime()
  if (t >= startOfToday) return hm
  if (t >= startOfToday - 86_400_000) return lang === 'en' ? `Yesterday ${hm}` : `昨天 ${hm}`
  const sameYear = d.getFullYear() === now.getFullYear()
  if (lang === 'en') {
    const md = d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) })
    return `${md} ${hm}`
  }
  return `${sameYear ? '' : `${d.getFullYear()}年`}${d.getMonth() + 1}月${d.getDate()}日 ${hm}`
}
