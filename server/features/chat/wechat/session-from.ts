import { isOrderNo } from '../../../../types/catalog-data'
import { normalizeCaseNo } from '../../../../types/chat-data'

/**
 * What the app put in the contact button's `sessionFrom` (`sd|uid=…|case=…|order=…|type=…|page=…`).
 * Only hints: the sender's openid decides who the shopper is, never `userId`.
 */
export interface SessionFrom {
  userId?: string
  caseNo?: string
  orderNo?: string
  serviceType?: string
  /** A mini-program page path such as `pages/orders/detail/index?orderNo=…`, without a leading slash. */
  page?: string
}

const PAGE = /^[A-Za-z0-9_\-/]+(\?[A-Za-z0-9_\-.~%=&]*)?$/
const SERVICE_TYPE = /^[a-z][a-z0-9_-]{0,31}$/
const USER_ID = /^[A-Za-z0-9_-]{1,64}$/

/** Reads a `SessionFrom` the app filled; missing, unknown or garbled parts are left out. */
export function parseSessionFrom(raw: string | null | undefined): SessionFrom {
  const out: SessionFrom = {}
  if (typeof raw !== 'string') return out
  const parts = raw.slice(0, 1000).split('|')
  if (parts[0] !== 'sd') return out
  for (const part of parts.slice(1)) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const key = part.slice(0, eq)
    const value = part.slice(eq + 1).trim()
    if (!value) continue
    if (key === 'uid' && USER_ID.test(value)) out.userId = value
    else if (key === 'case') {
      const caseNo = normalizeCaseNo(value)
      if (caseNo) out.caseNo = caseNo
    } else if (key === 'order' && isOrderNo(value)) out.orderNo = value
    else if (key === 'type' && SERVICE_TYPE.test(value)) out.serviceType = value
    else if (key === 'page') {
      const page = value.replace(/^\/+/, '')
      if (page.length <= 200 && PAGE.test(page)) out.page = page
    }
  }
  return out
}
