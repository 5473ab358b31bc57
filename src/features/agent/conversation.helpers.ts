import type { BotMeta, ChatMessage } from '@shared/chat'

/** What the bot understood before handing over, and what the shopper sent since. */
export interface BotSummary {
  serviceType: BotMeta['serviceType']
  intent: string
  /** Evidence kinds the bot last asked for (catalog ids: photos, logistics_info …). */
  needsEvidence: string[]
  /** Images the shopper sent after that request. */
  imagesSince: number
}

/** The bot's last word on this conversation, or null when the bot never answered. */
export function botSummary(messages: ChatMessage[]): BotSummary | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]
    if (m.sender === 'bot' && m.meta) {
      const imagesSince = messages.filter((x) => x.sender === 'shopper' && x.kind === 'image' && x.seq > m.seq).length
      return { serviceType: m.meta.serviceType, intent: m.meta.intent, needsEvidence: m.meta.needsEvidence, imagesSince }
    }
  }
  return null
}
