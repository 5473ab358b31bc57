import type { BotMeta, ChatMessage } from '@shared/chat'
import type { OrderActionKind } from '@shared/order-action-data'

/** What the bot understood before handing over, and what the shopper sent since. */
export interface BotSummary {
  serviceType: BotMeta['serviceType']
  intent: string
  /** Evidence kinds the bot last asked for (catalog ids: photos, logistics_info …). */
  needsEvidence: string[]
  /** Images the shopper sent after that request. */
  imagesSince: number
  /** The bot's one-line account for agents: the problem, the facts found (order, amounts, dates), what is missing. */
  note: string | null
  /** Self-service actions the shopper already confirmed in this chat, oldest first. */
  actions: OrderActionKind[]
}

/** The bot's last word on this conversation, or null when the bot never answered. */
export function botSummary(messages: ChatMessage[]): BotSummary | null {
  const actions = messages.flatMap((x) => (x.sender === 'bot' && x.meta?.actionResult ? [x.meta.actionResult.kind] : []))
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]
    // An action's result says what was done, not what the shopper's problem is.
    if (m.sender === 'bot' && m.meta && !m.meta.actionResult) {
      const imagesSince = messages.filter((x) => x.sender === 'shopper' && x.kind === 'image' && x.seq > m.seq).length
      return {
        serviceType: m.meta.serviceType,
        intent: m.meta.intent,
        needsEvidence: m.meta.needsEvidence,
        imagesSince,
        note: m.meta.summary ?? null,
        actions,
      }
    }
  }
  return null
}
