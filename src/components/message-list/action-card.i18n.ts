import type { OrderActionKind, RefundReason } from '@shared/order-action-data'

const zh = {
  title: {
    urge_shipment: '催发货',
    request_refund: '申请退款',
    change_address: '修改收货地址',
    cancel_order: '取消订单',
    track_parcel: '查物流',
    reissue_invoice: '重开发票',
  } as Record<OrderActionKind, string>,
  pickOrder: '选择订单',
  noOrder: '没有可以办理的订单',
  loading: '正在加载订单…',
  reason: '退款原因',
  reasons: {
    not_wanted: '不想要了',
    damaged: '商品损坏',
    wrong_item: '发错货',
    missing_item: '少件',
    not_received: '没收到货',
    other: '其他',
  } as Record<RefundReason, string>,
  amount: (max: string) => `退款金额（最多 ${max}）`,
  address: '新的收货地址',
  invoiceTitle: '发票抬头',
  confirm: '确认办理',
  working: '办理中…',
  done: '已办理',
  badAmount: '请输入不超过实付金额的退款金额',
  required: '请先填写完整',
  failed: '办理失败，请稍后重试',
  errors: {
    REFUND_TOO_HIGH: '退款金额不能超过实付金额',
    ORDER_ALREADY_SHIPPED: '订单已发货，这里不能再修改了，可以转人工处理',
    ORDER_CANCELLED: '订单已取消',
    NOT_SHIPPED_YET: '订单还没有发货，暂时没有物流信息',
    ORDER_NOT_FOUND: '没有在您的账号中找到这个订单',
    ACTION_IN_PROGRESS: '正在办理中，请稍候',
    NETWORK: '网络不太好，请稍后再点一次确认',
  } as Record<string, string>,
}

export type ActionCardText = typeof zh

const en: ActionCardText = {
  title: {
    urge_shipment: 'Hurry shipment',
    request_refund: 'Request a refund',
    change_address: 'Change delivery address',
    cancel_order: 'Cancel order',
    track_parcel: 'Track parcel',
    reissue_invoice: 'Re-issue invoice',
  },
  pickOrder: 'Choose an order',
  noOrder: 'No order this applies to',
  loading: 'Loading your orders…',
  reason: 'Reason',
  reasons: {
    not_wanted: 'No longer wanted',
    damaged: 'Damaged',
    wrong_item: 'Wrong item',
    missing_item: 'Missing items',
    not_received: 'Not received',
    other: 'Other',
  },
  amount: (max: string) => `Amount (up to ${max})`,
  address: 'New delivery address',
  invoiceTitle: 'Invoice title',
  confirm: 'Confirm',
  working: 'Working…',
  done: 'Done',
  badAmount: 'Enter an amount no higher than what you paid',
  required: 'Please fill in the details first',
  failed: 'That did not work. Please try again later',
  errors: {
    REFUND_TOO_HIGH: 'The refund cannot be more than you paid',
    ORDER_ALREADY_SHIPPED: 'This order has shipped and cannot be changed here; an agent can help',
    ORDER_CANCELLED: 'This order was cancelled',
    NOT_SHIPPED_YET: 'This order has not shipped yet, so there is no tracking',
    ORDER_NOT_FOUND: 'We could not find this order in your account',
    ACTION_IN_PROGRESS: 'Working on it, please wait a moment',
    NETWORK: 'The connection is weak. Please tap confirm again in a moment',
  },
}

/** The card's words in the shopper's language. */
export function actionCardText(lang: 'zh' | 'en'): ActionCardText {
  return lang === 'en' ? en : zh
}
