import { ORDER_NO_PATTERN, TRACKING_NO_PATTERN } from '../../types/catalog-data'
import { demoOrderNo, demoOrders, demoOrderSource, parseDemoOrderNo, userTag } from '../../server/features/orders/demo-order-source'

const now = new Date('2026-11-26T10:00:00.000Z')
const users = Array.from({ length: 200 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)

describe('demo orders', () => {
  it('gives each shopper 3–6 orders, the same ones every time', () => {
    const counts = new Set<number>()
    for (const u of users) {
      const orders = demoOrders(u, now)
      counts.add(orders.length)
      expect(orders.length).toBeGreaterThanOrEqual(3)
      expect(orders.length).toBeLessThanOrEqual(6)
      expect(demoOrders(u, now)).toEqual(orders)
    }
    expect([...counts].sort()).toEqual([3, 4, 5, 6])
  })

  it('produces well-formed order and tracking numbers, exact amounts and past payment times', () => {
    for (const u of users) {
      for (const o of demoOrders(u, now)) {
        expect(o.orderNo).toMatch(ORDER_NO_PATTERN)
        expect(Date.parse(o.paidAt)).toBeLessThan(now.getTime())
        expect(Number.isInteger(o.amount.fen)).toBe(true)
        expect(o.amount.yuan).toMatch(/^\d+\.\d{2}$/)
        if (o.logistics) {
          expect(o.logistics.trackingNo).toMatch(TRACKING_NO_PATTERN)
          expect(o.logistics.companyName).not.toBe('')
        }
        expect(new Set(o.items.map((i) => i.sku)).size).toBe(o.items.length)
      }
    }
  })

  it('recognises its own order numbers and who they belong to', async () => {
    const [a, b] = users
    const order = demoOrders(a, now)[1]
    expect(parseDemoOrderNo(order.orderNo)).toBe(userTag(a))
    expect(await demoOrderSource.ownership(a, order.orderNo)).toBe('owned')
    expect(await demoOrderSource.ownership(b, order.orderNo)).toBe('foreign')
    const tampered = order.orderNo.slice(0, 17) + String((Number(order.orderNo[17]) + 1) % 10)
    expect(await demoOrderSource.ownership(b, tampered)).toBe('unknown')
    expect(await demoOrderSource.ownership(a, '1234567890123456')).toBe('unknown')
  })

  it('keeps ownership across days even though the order dates move', async () => {
    const tomorrow = new Date(now.getTime() + 86_400_000)
    const order = demoOrders(users[3], now)[2]
    expect(await demoOrderSource.ownership(users[3], order.orderNo)).toBe('owned')
    expect(demoOrders(users[3], tomorrow)[0].orderNo).toMatch(ORDER_NO_PATTERN)
    expect(demoOrderNo(now.getTime(), '123456', 0)).toMatch(/^20261126123456\d{4}$/)
  })
})
