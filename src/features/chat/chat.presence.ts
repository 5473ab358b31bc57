import type { Conversation } from '@shared/chat'
import { t } from '@/lib/i18n'

/** One line about where the shopper's chat stands (for the help center card and the chat header). */
export function chatStateLabel(c: Conversation | null): { label: string; live: boolean } {
  if (!c || c.status === 'ended' || c.status === 'bot') return { label: t('chat.stateBot'), live: false }
  if (c.status === 'queued')
    return { label: c.queuePosition ? t('chat.stateQueued', { ahead: c.queuePosition - 1 }) : t('chat.stateConnecting'), live: true }
  return { label: t('chat.stateAgent', { name: c.agentName ?? t('chat.agentFallback') }), live: true }
}
