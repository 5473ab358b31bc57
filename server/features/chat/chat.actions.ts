/**
 * A shopper confirms a self-service card in the chat: the action runs through the order
 * service, and its result joins the conversation so the shopper and any agent see it.
 */
import type { BotMeta } from '../../../types/chat'
import type { OrderActionBody, OrderActionKind, OrderActionResult } from '../../../types/order-action'
import { performOrderAction, type PerformedAction } from '../orders/order-actions.service'
import type { ChatDeps } from './chat.deps'
import { mutate, type Draft } from './chat.mutate'
import * as repo from './chat.repository'
import type { ChatLang } from './chat.texts'

const SERVICE_TYPE: Record<OrderActionKind, BotMeta['serviceType']> = {
  urge_shipment: 'order',
  request_refund: 'order',
  change_address: 'order',
  cancel_order: 'order',
  reissue_invoice: 'order',
  track_parcel: 'logistics',
}

/** The sentence the conversation shows for a performed action. */
export function actionText(r: OrderActionResult, lang: ChatLang): string {
  const zh = lang === 'zh'
  const yuan = r.amountFen === undefined ? '' : (r.amountFen / 100).toFixed(2)
  switch (r.kind) {
    case 'urge_shipment':
      return zh ? `已为订单 ${r.orderNo} 催促商家尽快发货。` : `We asked the seller to ship order ${r.orderNo} as soon as possible.`
    case 'request_refund':
      return zh
        ? `已为订单 ${r.orderNo} 提交退款申请 ¥${yuan}，审核通过后原路退回。`
        : `Refund request of ¥${yuan} submitted for order ${r.orderNo}; it goes back the way you paid once approved.`
    case 'change_address':
      return zh ? `订单 ${r.orderNo} 的收货地址已改为：${r.detail}` : `The delivery address of order ${r.orderNo} is now: ${r.detail}`
    case 'cancel_order':
      return zh ? `订单 ${r.orderNo} 已取消，货款将原路退回。` : `Order ${r.orderNo} is cancelled; the money goes back the way you paid.`
    case 'track_parcel':
      return zh ? `订单 ${r.orderNo} 的物流：${r.detail}` : `Tracking for order ${r.orderNo}: ${r.detail}`
    case 'reissue_invoice':
      return zh
        ? `已为订单 ${r.orderNo} 重新开具发票，抬头：${r.detail}`
        : `A new invoice for order ${r.orderNo} is on its way, titled: ${r.detail}`
  }
}

function resultDraft(r: OrderActionResult, lang: ChatLang): Draft {
  const meta: BotMeta = {
    serviceType: SERVICE_TYPE[r.kind],
    intent: `action.${r.kind}`,
    confidence: 1,
    entities: { orderNo: r.orderNo },
    needsEvidence: [],
    handoff: false,
    faqIds: [],
    quickReplies: [],
    actionResult: r,
  }
  return { sender: 'bot', kind: 'text', text: actionText(r, lang), meta }
}

/** Perform the action and, the first time only, post its result to the shopper's open conversation. */
export async function confirmAction(deps: ChatDeps, shopperId: string, body: OrderActionBody): Promise<PerformedAction> {
  const done = await performOrderAction(deps.db, shopperId, body)
  if (done.replayed) return done
  const open = await repo.findOpenConversation(deps.db, shopperId)
  if (open) {
    await mutate(deps, open.id, (c) => ({ messages: [resultDraft(done.result, c.lang === 'en' ? 'en' : 'zh')] }))
  }
  return done
}
