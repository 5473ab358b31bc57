/** Kysely table types of the chat feature (see migration 2026-11-26-030-chat). */
export interface ChatConversationsTable {
  id: string
  shopper_id: string
  open_key: string | null
  status: 'bot' | 'queued' | 'assigned' | 'ended'
  service_type: string | null
  lang: string
  agent_id: string | null
  had_agent: number
  handoff_reason: string | null
  unhelpful_count: number
  order_no: string | null
  ticket_id: string | null
  last_seq: number
  version: number
  shopper_read_seq: number
  agent_read_seq: number
  shopper_typing_until: string | null
  agent_typing_until: string | null
  rating_requested: number
  queued_at: string | null
  assigned_at: string | null
  ended_at: string | null
  ended_by: string | null
  last_activity_at: string
  created_at: string
  /** Added by migration 2026-12-01-054-case-numbers; null on older rows. */
  case_no: string | null
}

export interface ChatMessagesTable {
  id: string
  conversation_id: string
  seq: number
  client_msg_id: string | null
  sender: 'shopper' | 'bot' | 'agent' | 'system'
  sender_id: string | null
  sender_name: string | null
  kind: 'text' | 'image' | 'order' | 'event'
  text: string | null
  upload_id: string | null
  order_no: string | null
  order_json: string | null
  meta_json: string | null
  event_json: string | null
  created_at: string
  /** Added by migration 2026-12-01-056-system-message-codes: set on every `sender: system` row. */
  system_code: string | null
  system_params_json: string | null
}

export interface ChatRatingsTable {
  id: string
  conversation_id: string
  target: 'bot' | 'agent'
  agent_id: string | null
  score: number
  comment: string
  tags_json: string
  created_at: string
}

export interface ChatTables {
  chat_conversations: ChatConversationsTable
  chat_messages: ChatMessagesTable
  chat_ratings: ChatRatingsTable
}

export type ConversationRow = ChatConversationsTable
export type MessageRow = ChatMessagesTable
export type RatingRow = ChatRatingsTable
