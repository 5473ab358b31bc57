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
  /** Added by migration 2026-12-01-067-wechat-channel: where the shopper last wrote from. */
  channel: 'app' | 'wechat'
  wechat_openid: string | null
  wechat_window_at: string | null
  wechat_window_kind: 'message' | 'enter' | null
  wechat_out_seq: number
  /** Added by migration 2026-12-01-068-wechat-entry-page: the page the shopper opened WeChat's service chat from. */
  wechat_entry_page: string | null
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
  /** Set for messages that arrived through WeChat's customer-service channel. */
  origin: 'wechat' | null
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

export interface WechatPushNoncesTable {
  nonce: string
  body_hash: string
  seen_at: string
}

export interface WechatInboundTable {
  id: string
  dedupe_key: string
  openid: string
  payload_json: string
  status: 'pending' | 'done' | 'failed'
  attempts: number
  next_attempt_at: string
  last_error: string | null
  created_at: string
}

export interface WechatOutboundTable {
  id: string
  conversation_id: string
  message_id: string
  openid: string
  /** pending → sending → sent | failed | expired (window passed) | limited (too many replies). */
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'expired' | 'limited'
  attempts: number
  next_attempt_at: string
  errcode: number | null
  last_error: string | null
  created_at: string
  sent_at: string | null
  /** Added by migration 2026-12-01-068: the conversation version when the status last changed. */
  state_version: number | null
}

export interface ChatTables {
  chat_conversations: ChatConversationsTable
  chat_messages: ChatMessagesTable
  chat_ratings: ChatRatingsTable
  wechat_push_nonces: WechatPushNoncesTable
  wechat_inbound: WechatInboundTable
  wechat_outbound: WechatOutboundTable
}

export type ConversationRow = ChatConversationsTable
export type MessageRow = ChatMessagesTable
export type RatingRow = ChatRatingsTable
