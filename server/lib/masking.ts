/**
 * Masking of personal data in Chinese formats, for logs and for screens where the viewer
 * is not the owner. Detection is strict (checksums) so order numbers are left alone.
 */

const MOBILE = /(?<!\d)(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g
const ID_CARD = /(?<![\dA-Za-z])(\d{17}[\dXx])(?![\dA-Za-z])/g
const CARD = /(?<!\d)(\d(?:[ -]?\d){12,18})(?!\d)/g

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'

/** True for an 18-digit resident ID whose last character matches its ISO 7064 checksum. */
export function isResidentId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0)
  return ID_CHECK[sum % 11] === id[17].toUpperCase()
}

/** True when a 13–19 digit number passes the Luhn check (bank cards). */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return sum % 10 === 0
}

/** A mainland mobile number as 138****5678; anything else unchanged. */
export function maskMobile(value: string): string {
  return value.replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
}

/** A resident ID as 110***********123X (first three and last four kept). */
export function maskResidentId(id: string): string {
  return `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(14)}`
}

/** A bank card as **** **** **** 1234. */
export function maskCard(digits: string): string {
  return `**** **** **** ${digits.slice(-4)}`
}

const ADMIN_LEVELS = /^(.*?(?:省|自治区|特别行政区))?(.*?(?:市|自治州|地区|盟))?(.*?(?:区|县|旗))?/

/** A street address down to its district: 北京市朝阳区建国路88号 → 北京市朝阳区****. */
export function maskStreetAddress(address: string): string {
  const match = ADMIN_LEVELS.exec(address.trim())
  const kept = match ? match[0] : ''
  if (kept.length === 0) return address.length <= 2 ? '****' : `${address.slice(0, 2)}****`
  return kept.length >= address.trim().length ? kept : `${kept}****`
}

/** An IP address with its host part hidden: 203.0.113.* or 2001:db8:85a3:*. */
export function maskIp(address: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+)\.\d+$/.exec(address)
  if (v4) return `${v4[1]}.*`
  if (address.includes(':')) return `${address.split(':').slice(0, 3).join(':')}:*`
  return '*'
}

/** Free text with every mobile number, valid resident ID and Luhn-valid card number masked. */
export function maskText(text: string): string {
  return maskMobile(
    text
      .replace(ID_CARD, (m: string) => (isResidentId(m) ? maskResidentId(m) : m))
      .replace(CARD, (m: string) => {
        const digits = m.replace(/[ -]/g, '')
        return isLuhnValid(digits) ? maskCard(digits) : m
      }),
  )
}

/** An email as l***@example.com. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at < 1) return '***'
  return `${email[0]}***${email.slice(at)}`
}
