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
import { text as textOf } from '../../lib/texts'
import { localeOfLang, type ChatLang } from './chat.texts'

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
  const yuan = r.amountFen === undefined ? '' : (r.amountFen / 100).toFixed(2)
  const params = { orderNo: r.orderNo, yuan, detail: r.detail ?? '' }
  const locale = localeOfLang(lang)
  switch (r.kind) {
    case 'urge_shipment':
      return textOf(locale, 'bot.actions.urge_shipment', params)
    case 'request_refund':
      return textOf(locale, 'bot.actions.request_refund', params)
    case 'change_address':
      return textOf(locale, 'bot.actions.change_address', params)
    case 'cancel_order':
      return textOf(locale, 'bot.actions.cancel_order', params)
    case 'track_parcel':
      return textOf(locale, 'bot.actions.track_parcel', params)
    case 'reissue_invoice':
      return textOf(locale, 'bot.actions.reissue_invoice', params)
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
