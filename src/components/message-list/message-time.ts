/** Minutes apart within which consecutive messages share one time label. */
const GROUP_MINUTES = 5

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** "14:05" today, "11-24 14:05" on other days, "" for a bad date. */
export function clockTime(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`
  const sameDay = d.getFullYear() === now.getFullYear() && d.getMonth() === now.getMonth() && d.getDate() === now.getDate()
  return sameDay ? hm : `${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${hm}`
}

/** True when `next` follows `prev` closely enough to skip its time label. */
export function sameMinuteGroup(prev: string | undefined, next: string): boolean {
  if (!prev) return false
  const gap = Date.parse(next) - Date.parse(prev)
  return gap >= 0 && gap < GROUP_MINUTES * 60_000
}
