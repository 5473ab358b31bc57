import type { Conversation } from '@shared/chat'
import { chatText as t } from './chat.i18n'

/** One line about where the shopper's chat stands (for the help center card and the chat header). */
export function chatStateLabel(c: Conversation | null): { label: string; live: boolean } {
  if (!c || c.status === 'ended' || c.status === 'bot') return { label: t.stateBot, live: false }
  if (c.status === 'queued') return { label: c.queuePosition ? t.stateQueued(c.queuePosition) : t.stateConnecting, live: true }
  return { label: t.stateAgent(c.agentName ?? t.agentFallback), live: true }
}
