import type { AgentHours } from '../../config'
import type { Database } from '../../db/database'
import type { UploadLinks } from '../uploads/upload-links'
import type { ChatEventBus } from './chat.events'

/** What chat routes and services need from the app: the database, the event bus, the link signer. */
export interface ChatDeps {
  db: Database
  bus: ChatEventBus
  links: UploadLinks
  /** When people answer chats. */
  agentHours: AgentHours
}
