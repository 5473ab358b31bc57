import { Type, type Static } from 'typebox'

export const ORDER_STATUSES = ['paid', 'shipped', 'delivered', 'completed', 'cancelled'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const LOGISTICS_STATUSES = ['awaiting_pickup', 'in_transit', 'out_for_delivery', 'delivered', 'exception', 'returned'] as const
export type LogisticsStatus = (typeof LOGISTICS_STATUSES)[number]

/** Money is carried as integer fen (分) to stay exact; `yuan` is the same amount formatted for display. */
export const MoneySchema = Type.Object({
  fen: Type.Integer({ minimum: 0, description: 'Amount in fen (1 yuan = 100 fen), exact' }),
  yuan: Type.String({ pattern: '^\\d+\\.\\d{2}$', description: 'Display string in yuan with two decimals, e.g. "129.00"' }),
})
export type Money = Static<typeof MoneySchema>

export const OrderItemSchema = Type.Object({
  sku: Type.String(),
  name: Type.String(),
  quantity: Type.Integer({ minimum: 1 }),
  unitPrice: MoneySchema,
})
export type OrderItem = Static<typeof OrderItemSchema>

export const LogisticsSchema = Type.Object({
  companyCode: Type.String({ description: 'Courier code, e.g. SF, ZTO, YTO, JD' }),
  companyName: Type.String({ description: 'Courier name, e.g. 顺丰速运' }),
  trackingNo: Type.String({ description: 'Matches TRACKING_NO_PATTERN' }),
  status: Type.Enum(LOGISTICS_STATUSES),
  updatedAt: Type.String({ format: 'date-time' }),
  latest: Type.String({ description: 'Latest tracking scan, e.g. 【上海市】快件已到达上海转运中心' }),
})
export type Logistics = Static<typeof LogisticsSchema>

export const OrderSchema = Type.Object({
  orderNo: Type.String({ description: 'Matches ORDER_NO_PATTERN (16–20 digits)' }),
  status: Type.Enum(ORDER_STATUSES),
  items: Type.Array(OrderItemSchema, { minItems: 1 }),
  amount: MoneySchema,
  paidAt: Type.String({ format: 'date-time' }),
  logistics: Type.Union([LogisticsSchema, Type.Null()], { description: 'null until the order ships' }),
})
export type Order = Static<typeof OrderSchema>

export const OrderListSchema = Type.Object({
  items: Type.Array(OrderSchema, { description: 'Most recently paid first' }),
})
export type OrderList = Static<typeof OrderListSchema>
