import crypto from 'node:crypto'
import type { Logistics, LogisticsStatus, Order, OrderItem, OrderStatus } from '../../../types/order'
import { DEMO_CITIES, DEMO_COURIERS, DEMO_PRODUCTS, latestScan } from './demo-catalog'
import type { OrderOwnership, OrderSource } from './order-source'
import { seededRandom } from '../../lib/seeded-random'

const DAY = 86_400_000
const CST = 8 * 3_600_000

/** Six digits derived from the user id; embedded in every demo order number of that shopper. */
export function userTag(userId: string): string {
  const h = crypto.createHash('sha256').update(userId).digest()
  return String(h.readUInt32BE(0) % 1_000_000).padStart(6, '0')
}

function checkDigits(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) sum = (sum * 10 + Number(body[i])) % 97
  return String(97 - sum)
    .padStart(2, '0')
    .slice(-2)
}

/** Demo order numbers: yyyymmdd (Beijing time) + user tag + index + two check digits = 18 digits. */
export function demoOrderNo(paidAt: number, tag: string, index: number): string {
  const d = new Date(paidAt + CST).toISOString().slice(0, 10).replace(/-/g, '')
  const body = `${d}${tag}${String(index).padStart(2, '0')}`
  return body + checkDigits(body)
}

/** The user tag of a demo order number, or null when the number is not one of ours. */
export function parseDemoOrderNo(orderNo: string): string | null {
  if (!/^\d{18}$/.test(orderNo)) return null
  return checkDigits(orderNo.slice(0, 16)) === orderNo.slice(16) ? orderNo.slice(8, 14) : null
}

const money = (fen: number) => ({ fen, yuan: (fen / 100).toFixed(2) })
const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]

function makeItems(r: () => number): OrderItem[] {
  const count = 1 + Math.floor(r() * 3)
  const skus = new Set<string>()
  const items: OrderItem[] = []
  while (items.length < count) {
    const p = pick(r, DEMO_PRODUCTS)
    if (skus.has(p.sku)) continue
    skus.add(p.sku)
    items.push({ sku: p.sku, name: p.name, quantity: 1 + Math.floor(r() * 2), unitPrice: money(p.priceFen) })
  }
  return items
}

function makeLogistics(r: () => number, status: LogisticsStatus, updatedAt: number): Logistics {
  const courier = pick(r, DEMO_COURIERS)
  let digits = String(1 + Math.floor(r() * 9))
  while (digits.length < courier.digits) digits += String(Math.floor(r() * 10))
  return {
    companyCode: courier.code,
    companyName: courier.name,
    trackingNo: courier.prefix + digits,
    status,
    updatedAt: new Date(updatedAt).toISOString(),
    latest: latestScan(status, pick(r, DEMO_CITIES)),
  }
}

// The newest order has not shipped, the next is on its way, the third may have run into trouble.
const STAGES: { days: [number, number]; order: OrderStatus; logistics: LogisticsStatus | null }[] = [
  { days: [0, 2], order: 'paid', logistics: null },
  { days: [2, 5], order: 'shipped', logistics: 'in_transit' },
  { days: [5, 9], order: 'shipped', logistics: 'exception' },
  { days: [9, 20], order: 'delivered', logistics: 'delivered' },
  { days: [20, 40], order: 'completed', logistics: 'delivered' },
  { days: [40, 60], order: 'completed', logistics: 'delivered' },
]

/** Orders generated from the user id: stable for a given day, 3–6 of them, newest first. */
export function demoOrders(userId: string, now: Date): Order[] {
  const tag = userTag(userId)
  const r = seededRandom(crypto.createHash('sha256').update(`orders:${userId}`).digest().readUInt32BE(0))
  const today = Math.floor(now.getTime() / DAY) * DAY
  const count = 3 + Math.floor(r() * 4)
  const orders: Order[] = []
  for (let i = 0; i < count; i++) {
    const stage = STAGES[i]
    const logisticsStatus = stage.logistics === 'exception' && r() < 0.5 ? 'out_for_delivery' : stage.logistics
    const paidAt = Math.min(
      today - stage.days[0] * DAY - Math.floor(r() * (stage.days[1] - stage.days[0]) * DAY),
      now.getTime() - 3_600_000,
    )
    const items = makeItems(r)
    const total = items.reduce((sum, it) => sum + it.quantity * it.unitPrice.fen, 0)
    orders.push({
      orderNo: demoOrderNo(paidAt, tag, i),
      status: stage.order,
      items,
      amount: money(total),
      paidAt: new Date(paidAt).toISOString(),
      logistics: logisticsStatus ? makeLogistics(r, logisticsStatus, Math.min(paidAt + DAY, now.getTime())) : null,
    })
  }
  return orders
}

// What shoppers changed on their demo orders (a cancellation), kept per process like the
// marketplace would keep it; the journal of every action lives in the database.
const changed = new Map<string, OrderStatus>()
const changeKey = (userId: string, orderNo: string): string => `${userId}:${orderNo}`

function withChanges(userId: string, orders: Order[]): Order[] {
  return orders.map((o) => {
    const status = changed.get(changeKey(userId, o.orderNo))
    return status ? { ...o, status } : o
  })
}

/** The built-in source: deterministic demo orders per shopper, changed by the shopper's own actions. */
export const demoOrderSource: OrderSource = {
  listOrders: async (userId, now) => withChanges(userId, demoOrders(userId, now)),
  perform: async (userId, orderNo, action, now) => {
    if (action.kind === 'cancel_order') changed.set(changeKey(userId, orderNo), 'cancelled')
    const order = withChanges(userId, demoOrders(userId, now)).find((o) => o.orderNo === orderNo)
    if (!order) throw new Error(`demo order ${orderNo} not found`)
    return order
  },
  ownership: async (userId, orderNo): Promise<OrderOwnership> => {
    const tag = parseDemoOrderNo(orderNo)
    if (tag === null) return 'unknown'
    return tag === userTag(userId) ? 'owned' : 'foreign'
  },
}
