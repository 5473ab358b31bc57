import type { BotMeta } from '../../../types/chat'
import { answer, isUnhelpful, replyForFaq, UNHELPFUL_HANDOFF_THRESHOLD, type BotReply } from './bot'
import type { LanguageModelReading } from './bot/language-model'
import type { Change, Draft } from './chat.mutate'
import type { ConversationRow } from './chat.tables'
import { replyLanguage } from './bot/reply-language'
import { eventText, langOf, type ChatLang } from './chat.texts'

/** The bot message drafted from a bot reply. */
export function botDraft(reply: BotReply): Draft {
  const m = reply.meta
  const meta: BotMeta = {
    serviceType: m.serviceType,
    intent: m.intent,
    confidence: m.confidence,
    entities: { ...m.entities },
    ...(m.clarify ? { clarify: true } : {}),
    ...(m.handoffReason ? { handoffReason: m.handoffReason } : {}),
    ...(m.summary ? { summary: m.summary } : {}),
    ...(m.action ? { action: m.action } : {}),
    needsEvidence: [...m.needsEvidence],
    handoff: m.handoff,
    faqIds: [...reply.meta.faqIds],
    quickReplies: reply.quickReplies.map((q) => ({ label: q.label, action: q.action, ...(q.payload ? { payload: q.payload } : {}) })),
    ...(reply.ticketPrefill ? { ticketPrefill: { ...reply.ticketPrefill } } : {}),
  }
  return { sender: 'bot', kind: 'text', text: reply.text, meta }
}

function replyTo(
  conv: ConversationRow,
  text: string,
  faqId: string | undefined,
  hint: LanguageModelReading | null,
  ui: ChatLang,
): BotReply {
  // A tapped quick reply is a label in the shopper's UI language.
  if (faqId) return replyForFaq(faqId, ui)
  const lang = replyLanguage(text, ui)
  const reply = answer({ text, lang, history: { unhelpfulCount: conv.unhelpful_count }, hint })
  // The answer that makes it the second unhelpful one hands over at once, rather than
  // making the shopper type a third time to reach a person.
  if (!reply.meta.handoff && isUnhelpful(reply) && conv.unhelpful_count + 1 >= UNHELPFUL_HANDOFF_THRESHOLD) {
    const escalated = answer({ text, lang, history: { unhelpfulCount: conv.unhelpful_count + 1 } })
    if (escalated.meta.handoff) return escalated
  }
  return reply
}

/**
 * The bot's turn after a shopper's text while the bot is in charge: its answer (in the shopper's
 * UI language `ui` of this message, unless the text is plainly in the other), and — when it hands
 * over — the move into the queue of the service type it recognised.
 */
export function botTurn(
  conv: ConversationRow,
  text: string,
  faqId: string | undefined,
  now: string,
  hint: LanguageModelReading | null = null,
  ui: ChatLang = langOf(conv.lang),
): Change {
  const reply = replyTo(conv, text, faqId, hint, ui)
  const serviceType = reply.meta.serviceType ?? conv.service_type
  const messages: Draft[] = [botDraft(reply)]
  const patch: Partial<ConversationRow> = {
    service_type: serviceType,
    unhelpful_count: conv.unhelpful_count + (isUnhelpful(reply) ? 1 : 0),
  }
  if (reply.meta.handoff) {
    Object.assign(patch, queuePatch(now, reply.meta.handoffReason ?? reply.meta.intent))
    messages.push(queuedEvent(serviceType, langOf(conv.lang)))
  }
  return { messages, patch }
}

/** Columns that put a conversation in the queue. */
export function queuePatch(now: string, reason: string): Partial<ConversationRow> {
  return { status: 'queued', queued_at: now, handoff_reason: reason, agent_id: null }
}

/** The timeline line announcing the queue. */
export function queuedEvent(serviceType: string | null, lang: 'zh' | 'en'): Draft {
  const event = { type: 'queued' as const, serviceType: serviceType as BotMeta['serviceType'] }
  return { sender: 'system', kind: 'event', event, text: eventText(event, lang) }
}
