import type { AgentHours } from '../../config'
import type { Database } from '../../db/database'
import type { UserLimits } from '../../plugins/limits.types'
import type { Locale } from '../../lib/locale'
import type { UploadLinks } from '../uploads/upload-links'
import type { LanguageModelSettings } from './bot/language-model'
import type { ChatEventBus } from './chat.events'
import type { ConversationRow } from './chat.tables'

/** What chat routes and services need from the app: the database, the event bus, the link signer. */
export interface ChatDeps {
  db: Database
  bus: ChatEventBus
  links: UploadLinks
  /** When people answer chats. */
  agentHours: AgentHours
  /** The optional language model the bot may consult (LLM_BASE_URL + LLM_API_KEY). */
  llm?: LanguageModelSettings | null
  /** Per-shopper daily limits; absent means the defaults in chat.limits. */
  limits?: Pick<UserLimits, 'conversationsPerDay' | 'handoffsPerDay'>
  /** The viewer's locale for this request; system messages are rendered in it. */
  locale?: Locale
  /** The native WeChat channel: refuses replies WeChat would refuse, relays typing, sends soon. */
  wechat?: {
    assertCanReply(conv: ConversationRow): Promise<void>
    typing(conv: ConversationRow): Promise<void>
    kick(): void
  }
}
