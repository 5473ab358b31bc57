/**
 * Service catalog shared by the mini-program, the help center and the server.
 *
 * This file is bundled into the mini-program, so it must stay free of imports:
 * only constants, literal types and small pure helpers live here.
 */

/** Bilingual text used throughout the catalog. */
export interface LocalizedText {
  readonly zh: string
  readonly en: string
}

// ---------------------------------------------------------------------------
// Service types
// ---------------------------------------------------------------------------

export const SERVICE_TYPES = [
  {
    id: 'order',
    zh: '订单',
    en: 'Order',
    exampleZh: '付款三天了订单还没有发货',
    exampleEn: 'I paid three days ago and the order still has not shipped',
  },
  {
    id: 'product',
    zh: '商品',
    en: 'Product',
    exampleZh: '收到的杯子碎了',
    exampleEn: 'The mug I received arrived broken',
  },
  {
    id: 'logistics',
    zh: '物流',
    en: 'Logistics',
    exampleZh: '物流信息一周没有更新',
    exampleEn: 'Tracking has not updated for a week',
  },
  {
    id: 'payment',
    zh: '支付',
    en: 'Payment',
    exampleZh: '付款时提示支付失败',
    exampleEn: 'Checkout says the payment failed',
  },
  {
    id: 'member',
    zh: '会员',
    en: 'Membership',
    exampleZh: '上个月的积分没有到账',
    exampleEn: 'Last month\u2019s points never arrived',
  },
] as const

export type ServiceType = (typeof SERVICE_TYPES)[number]
export type ServiceTypeId = ServiceType['id']

export const SERVICE_TYPE_IDS: readonly ServiceTypeId[] = SERVICE_TYPES.map((t) => t.id)

// ---------------------------------------------------------------------------
// Outcomes the shopper can ask for
// ---------------------------------------------------------------------------

export const OUTCOMES = [
  { id: 'return', zh: '退货', en: 'Return' },
  { id: 'exchange', zh: '换货', en: 'Exchange' },
  { id: 'refund', zh: '退款', en: 'Refund' },
  { id: 'reship', zh: '补发', en: 'Reship' },
  { id: 'expedite', zh: '催发货/加急', en: 'Expedite' },
  { id: 'compensation', zh: '赔偿', en: 'Compensation' },
  { id: 'pay_again', zh: '重新支付', en: 'Pay again' },
  { id: 'lift_block', zh: '解除拦截', en: 'Lift the block' },
  { id: 'points_restore', zh: '积分补回', en: 'Restore points' },
  { id: 'account_unlock', zh: '账号解封', en: 'Unlock account' },
  { id: 'repair', zh: '维修', en: 'Repair' },
  { id: 'reissue_invoice', zh: '开具/重开发票', en: 'Issue or re-issue the invoice' },
  { id: 'price_difference', zh: '退差价', en: 'Refund the difference' },
  { id: 'other', zh: '其他', en: 'Other' },
] as const

export type Outcome = (typeof OUTCOMES)[number]
export type OutcomeId = Outcome['id']

// ---------------------------------------------------------------------------
// Form fields and evidence
// ---------------------------------------------------------------------------

export const REQUIRED_FIELDS = [
  { id: 'orderNo', zh: '订单号', en: 'Order number' },
  { id: 'productName', zh: '商品名称', en: 'Product name' },
  { id: 'purchasedAt', zh: '购买时间', en: 'Purchase date' },
  { id: 'description', zh: '问题描述', en: 'Description' },
] as const

export type RequiredField = (typeof REQUIRED_FIELDS)[number]['id']

export const EVIDENCE_KINDS = {
  photos: {
    zh: '商品照片',
    en: 'Product photos',
    hintZh: '请拍摄商品整体和问题部位，外包装和快递面单也请一并拍下',
    hintEn: 'Photograph the whole item and the problem area, plus the outer box and shipping label',
  },
  logistics_info: {
    zh: '物流信息截图',
    en: 'Logistics screenshot',
    hintZh: '物流详情页截图，能看到快递单号和最新轨迹',
    hintEn: 'Screenshot of the tracking page showing the tracking number and latest scan',
  },
  payment_screenshot: {
    zh: '支付记录截图',
    en: 'Payment screenshot',
    hintZh: '支付失败提示或银行/微信支付账单截图，能看到金额和时间',
    hintEn: 'Screenshot of the error or the bank / WeChat Pay record showing amount and time',
  },
} as const

export type EvidenceKind = keyof typeof EVIDENCE_KINDS

export const EVIDENCE_KIND_IDS = Object.keys(EVIDENCE_KINDS) as EvidenceKind[]

/** One evidence requirement of a subtype: which kind and how many files. */
export interface EvidenceRequirement {
  readonly kind: EvidenceKind
  readonly minFiles: number
  readonly maxFiles: number
}

// Upload widgets cap files per kind; nine matches the WeChat image picker limit.
const MAX_FILES = 9

// ---------------------------------------------------------------------------
// Subtypes
// ---------------------------------------------------------------------------

interface SubtypeShape {
  readonly id: string
  readonly serviceType: ServiceTypeId
  readonly zh: string
  readonly en: string
  readonly descriptionZh: string
  readonly descriptionEn: string
  readonly requiredFields: readonly RequiredField[]
  readonly evidence: readonly EvidenceRequirement[]
  readonly outcomes: readonly OutcomeId[]
}

// Rules encoded below (keep in sync with the help center copy):
// - every order / logistics / payment problem needs the order number,
// - damaged and not-as-described goods need photos,
// - every logistics problem needs a logistics screenshot,
// - every payment problem needs a payment screenshot,
// - out-of-stock needs the product name,
// - a description is always required.
export const SUBTYPES = [
  // order
  {
    id: 'not_shipped',
    serviceType: 'order',
    zh: '未发货',
    en: 'Not shipped',
    descriptionZh: '付款后超过承诺时间仍未发货',
    descriptionEn: 'The order has not shipped within the promised time',
    requiredFields: ['orderNo', 'description'],
    evidence: [],
    outcomes: ['expedite', 'refund', 'other'],
  },
  {
    id: 'order_abnormal',
    serviceType: 'order',
    zh: '订单异常',
    en: 'Order problem',
    descriptionZh: '订单状态异常或被取消',
    descriptionEn: 'The order shows a wrong status or was cancelled',
    requiredFields: ['orderNo', 'description'],
    evidence: [],
    outcomes: ['refund', 'reship', 'other'],
  },
  {
    id: 'refund',
    serviceType: 'order',
    zh: '退款',
    en: 'Refund',
    descriptionZh: '申请退款或退款迟迟未到账',
    descriptionEn: 'Request a refund or chase one that has not arrived',
    requiredFields: ['orderNo', 'description'],
    evidence: [],
    outcomes: ['refund', 'return', 'other'],
  },
  {
    id: 'invoice',
    serviceType: 'order',
    zh: '发票',
    en: 'Invoice',
    descriptionZh: '开发票、发票信息有误或需要重开',
    descriptionEn: 'Get an invoice, fix its details or have it re-issued',
    requiredFields: ['orderNo', 'description'],
    evidence: [],
    outcomes: ['reissue_invoice', 'other'],
  },
  {
    id: 'price_protect',
    serviceType: 'order',
    zh: '价保',
    en: 'Price protection',
    descriptionZh: '购买后降价，申请退差价',
    descriptionEn: 'The price dropped after buying; claim the difference',
    requiredFields: ['orderNo', 'description'],
    evidence: [],
    outcomes: ['price_difference', 'other'],
  },
  // product
  {
    id: 'damaged',
    serviceType: 'product',
    zh: '损坏',
    en: 'Damaged',
    descriptionZh: '收到的商品破损或无法使用',
    descriptionEn: 'The item arrived broken or does not work',
    requiredFields: ['orderNo', 'productName', 'description'],
    evidence: [{ kind: 'photos', minFiles: 2, maxFiles: MAX_FILES }],
    outcomes: ['return', 'exchange', 'refund', 'reship', 'compensation', 'other'],
  },
  {
    id: 'out_of_stock',
    serviceType: 'product',
    zh: '缺货',
    en: 'Out of stock',
    descriptionZh: '下单后被告知缺货或想买的商品无货',
    descriptionEn: 'The item went out of stock after ordering or cannot be bought',
    requiredFields: ['productName', 'description'],
    evidence: [],
    outcomes: ['refund', 'exchange', 'other'],
  },
  {
    id: 'not_as_described',
    serviceType: 'product',
    zh: '描述不符',
    en: 'Not as described',
    descriptionZh: '收到的商品与页面描述不一致',
    descriptionEn: 'The item differs from the product page',
    requiredFields: ['orderNo', 'productName', 'description'],
    evidence: [{ kind: 'photos', minFiles: 1, maxFiles: MAX_FILES }],
    outcomes: ['return', 'exchange', 'refund', 'other'],
  },
  {
    id: 'missing_item',
    serviceType: 'product',
    zh: '少件/漏发',
    en: 'Missing items',
    descriptionZh: '包裹里少了商品、配件或赠品',
    descriptionEn: 'Items, parts or gifts missing from the parcel',
    requiredFields: ['orderNo', 'productName', 'description'],
    evidence: [{ kind: 'photos', minFiles: 1, maxFiles: MAX_FILES }],
    outcomes: ['reship', 'refund', 'other'],
  },
  {
    id: 'after_sales',
    serviceType: 'product',
    zh: '售后维修',
    en: 'Repair and warranty',
    descriptionZh: '保修、返修或维修进度',
    descriptionEn: 'Warranty claims, repairs and repair progress',
    requiredFields: ['orderNo', 'productName', 'description'],
    evidence: [{ kind: 'photos', minFiles: 1, maxFiles: MAX_FILES }],
    outcomes: ['repair', 'exchange', 'return', 'other'],
  },
  // logistics
  {
    id: 'delayed',
    serviceType: 'logistics',
    zh: '物流延迟',
    en: 'Delivery delayed',
    descriptionZh: '物流长时间未更新或超过预计送达时间',
    descriptionEn: 'Tracking stalled or the parcel is past its expected date',
    requiredFields: ['orderNo', 'description'],
    evidence: [{ kind: 'logistics_info', minFiles: 1, maxFiles: MAX_FILES }],
    outcomes: ['expedite', 'refund', 'other'],
  },
  {
    id: 'logistics_abnormal',
    serviceType: 'logistics',
    zh: '物流异常',
    en: 'Delivery problem',
    descriptionZh: '显示签收但未收到、退回、派送地址错误等',
    descriptionEn: 'Marked delivered but not received, returned to sender, wrong address, etc.',
    requiredFields: ['orderNo', 'description'],
    evidence: [{ kind: 'logistics_info', minFiles: 1, maxFiles: MAX_FILES }],
    outcomes: ['reship', 'refund', 'compensation', 'other'],
  },
  {
    id: 'lost',
    serviceType: 'logistics',
    zh: '包裹丢失',
    en: 'Parcel lost',
    descriptionZh: '快递确认丢件或长期查无下落',
    descriptionEn: 'The courier lost the parcel or it cannot be traced',
    requiredFields: ['orderNo', 'description'],
    evidence: [{ kind: 'logistics_info', minFiles: 1, maxFiles: MAX_FILES }],
    outcomes: ['reship', 'refund', 'compensation', 'other'],
  },
  // payment
  {
    id: 'payment_failed',
    serviceType: 'payment',
    zh: '支付失败',
    en: 'Payment failed',
    descriptionZh: '付款时提示失败，或扣款后订单仍显示未支付',
    descriptionEn: 'Checkout failed, or money was taken but the order shows unpaid',
    requiredFields: ['orderNo', 'description'],
    evidence: [{ kind: 'payment_screenshot', minFiles: 1, maxFiles: MAX_FILES }],
    outcomes: ['pay_again', 'refund', 'other'],
  },
  {
    id: 'payment_abnormal',
    serviceType: 'payment',
    zh: '支付异常',
    en: 'Payment problem',
    descriptionZh: '重复扣款、金额不对或优惠未生效',
    descriptionEn: 'Charged twice, wrong amount or a discount not applied',
    requiredFields: ['orderNo', 'description'],
    evidence: [{ kind: 'payment_screenshot', minFiles: 1, maxFiles: MAX_FILES }],
    outcomes: ['refund', 'other'],
  },
  {
    id: 'payment_blocked',
    serviceType: 'payment',
    zh: '支付被拦截',
    en: 'Payment blocked',
    descriptionZh: '付款被银行或风控拦截',
    descriptionEn: 'The payment was blocked by the bank or risk control',
    requiredFields: ['orderNo', 'description'],
    evidence: [{ kind: 'payment_screenshot', minFiles: 1, maxFiles: MAX_FILES }],
    outcomes: ['lift_block', 'pay_again', 'other'],
  },
  // member
  {
    id: 'points',
    serviceType: 'member',
    zh: '积分',
    en: 'Points',
    descriptionZh: '积分未到账、被扣除或无法使用',
    descriptionEn: 'Points missing, deducted or unusable',
    requiredFields: ['description'],
    evidence: [],
    outcomes: ['points_restore', 'other'],
  },
  {
    id: 'level',
    serviceType: 'member',
    zh: '会员等级',
    en: 'Member level',
    descriptionZh: '会员等级未升级或被降级',
    descriptionEn: 'Level did not upgrade or was downgraded',
    requiredFields: ['description'],
    evidence: [],
    outcomes: ['other'],
  },
  {
    id: 'account',
    serviceType: 'member',
    zh: '账号',
    en: 'Account',
    descriptionZh: '账号被冻结、无法登录或需要换绑手机',
    descriptionEn: 'Account frozen, cannot sign in, or phone number change',
    requiredFields: ['description'],
    evidence: [],
    outcomes: ['account_unlock', 'other'],
  },
  {
    id: 'benefits',
    serviceType: 'member',
    zh: '会员权益',
    en: 'Member benefits',
    descriptionZh: '会员券、包邮等权益未发放或无法使用',
    descriptionEn: 'Member coupons, free shipping or other perks missing or unusable',
    requiredFields: ['description'],
    evidence: [],
    outcomes: ['other'],
  },
  {
    id: 'coupon',
    serviceType: 'member',
    zh: '优惠券',
    en: 'Coupons',
    descriptionZh: '优惠券领取、使用或过期问题',
    descriptionEn: 'Trouble claiming, using or with expired coupons',
    requiredFields: ['description'],
    evidence: [],
    outcomes: ['other'],
  },
] as const satisfies readonly SubtypeShape[]

export type Subtype = (typeof SUBTYPES)[number]
export type SubtypeId = Subtype['id']

/** Subtype ids belonging to one service type, as a literal union. */
export type SubtypeIdOf<T extends ServiceTypeId> = Extract<Subtype, { serviceType: T }>['id']

// ---------------------------------------------------------------------------
// Tips shown on the help center home and in the ticket form
// ---------------------------------------------------------------------------

export const TIPS = [
  {
    id: 'details',
    titleZh: '详细描述问题',
    titleEn: 'Describe the problem in detail',
    bodyZh: '说明发生了什么、什么时候发生、希望怎么处理，客服可以更快帮您解决。',
    bodyEn: 'Say what happened, when, and how you would like it resolved so we can help faster.',
  },
  {
    id: 'evidence',
    titleZh: '保留证据',
    titleEn: 'Keep your evidence',
    bodyZh: '请保存订单截图、支付记录和物流信息，商品问题请拍照留存。',
    bodyEn: 'Keep order screenshots, payment records and logistics details; photograph any product problem.',
  },
  {
    id: 'right_type',
    titleZh: '选择正确的服务类型',
    titleEn: 'Pick the right service type',
    bodyZh: '选对订单、商品、物流、支付或会员类型，问题会直接转给对应的处理团队。',
    bodyEn: 'Choosing order, product, logistics, payment or membership sends your issue straight to the right team.',
  },
] as const

// ---------------------------------------------------------------------------
// Contact channels and service levels
// ---------------------------------------------------------------------------

/** Contact channel defaults; the server may override hotline and email from its config. */
export const CHANNEL_DEFAULTS = {
  hotline: {
    value: '95188',
    zh: '客服热线',
    en: 'Hotline',
    hoursZh: '每天 9:00–21:00',
    hoursEn: 'Daily 9:00–21:00',
  },
  email: {
    value: 'service@example.com',
    zh: '客服邮箱',
    en: 'Email',
    hoursZh: '24 小时内回复',
    hoursEn: 'Reply within 24 hours',
  },
  chat: {
    value: 'online',
    zh: '在线客服',
    en: 'Online chat',
    hoursZh: '智能客服全天在线，人工客服 9:00–21:00',
    hoursEn: 'Service bot around the clock, agents 9:00–21:00',
  },
  wechat: {
    value: 'contact',
    zh: '微信客服',
    en: 'WeChat customer service',
    hoursZh: '通过小程序内「联系客服」按钮进入',
    hoursEn: 'Use the "Contact us" button in the mini-program',
  },
  ticket: {
    value: 'ticket',
    zh: '提交工单',
    en: 'Submit a ticket',
    hoursZh: '24 小时内首次回复',
    hoursEn: 'First reply within 24 hours',
  },
} as const

export type ChannelId = keyof typeof CHANNEL_DEFAULTS

export const SLA_DEFAULTS = {
  firstResponseHours: 24,
  resolutionHours: 72,
} as const

// ---------------------------------------------------------------------------
// Identifier formats
// ---------------------------------------------------------------------------

/**
 * Marketplace order numbers are long pure-digit strings. Current orders use 18
 * digits, but older and split orders range from 16 to 20, so accept that span.
 */
export const ORDER_NO_PATTERN = /^\d{16,20}$/

/**
 * Courier tracking numbers: Chinese couriers print either a 1–4 letter prefix
 * followed by digits (SF1234567890123, YT…, JT…, JDVA…; 10–20 characters in
 * total) or a plain 12–15 digit number (ZTO, STO, Yunda). The digit-only range
 * stays below 16 so it never overlaps with order numbers.
 */
export const TRACKING_NO_PATTERN = /^(?:(?=[A-Za-z0-9]{10,20}$)[A-Za-z]{1,4}\d{8,}|\d{12,15})$/

/** True when the string is a well-formed marketplace order number. */
export function isOrderNo(value: string): boolean {
  return ORDER_NO_PATTERN.test(value.trim())
}

/** True when the string looks like a courier tracking number. */
export function isTrackingNo(value: string): boolean {
  return TRACKING_NO_PATTERN.test(value.trim())
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/** Look up a subtype by id; undefined for unknown ids such as stale client input. */
export function getSubtype(id: string): Subtype | undefined {
  return SUBTYPES.find((s) => s.id === id)
}

/** All subtypes of a service type, in catalog order. */
export function subtypesOf<T extends ServiceTypeId>(serviceType: T): Extract<Subtype, { serviceType: T }>[] {
  return SUBTYPES.filter((s): s is Extract<Subtype, { serviceType: T }> => s.serviceType === serviceType)
}

/** Look up a service type by id. */
export function getServiceType(id: string): ServiceType | undefined {
  return SERVICE_TYPES.find((t) => t.id === id)
}

/** True when the string is a known service type id. */
export function isServiceTypeId(id: string): id is ServiceTypeId {
  return SERVICE_TYPES.some((t) => t.id === id)
}

/** True when the string is a known subtype id. */
export function isSubtypeId(id: string): id is SubtypeId {
  return SUBTYPES.some((s) => s.id === id)
}

/** What a ticket for this subtype must carry. */
export interface Requirements {
  readonly fields: readonly RequiredField[]
  readonly evidence: readonly EvidenceRequirement[]
  readonly outcomes: readonly OutcomeId[]
}

/** Fields, evidence and allowed outcomes for a subtype; undefined for unknown ids. */
export function requirementsFor(subtypeId: string): Requirements | undefined {
  const s = getSubtype(subtypeId)
  if (!s) return undefined
  return { fields: s.requiredFields, evidence: s.evidence, outcomes: s.outcomes }
}

/** Evidence kinds (without counts) a subtype asks for; empty for unknown ids. */
export function evidenceKindsFor(subtypeId: string): EvidenceKind[] {
  return (requirementsFor(subtypeId)?.evidence ?? []).map((e) => e.kind)
}

/** Look up an outcome by id. */
export function getOutcome(id: string): Outcome | undefined {
  return OUTCOMES.find((o) => o.id === id)
}
