import type { ChatMessage, OrderCard, SendMessageBody } from '@shared/chat'
import type { ConversationLike } from './timeline'

/** Whose conversation client this is: decides whose messages are "mine" and what is read. */
export type Viewer = 'shopper' | 'agent'

/** A message written here that the server has not acknowledged yet. */
export interface OutboxItem {
  clientMsgId: string
  /** Where it goes; absent for the shopper's open conversation (the server may start a new one). */
  conversationId?: string
  kind: 'text' | 'image' | 'order'
  text?: string
  faqId?: string
  orderNo?: string
  order?: OrderCard
  /** Local file (temp path or blob: URL) until uploaded. */
  localPath?: string
  uploadId?: string
  imageUrl?: string
  uploadProgress?: number
  createdAt: string
  /** queued: waiting to be sent · sending: in flight · failed: needs a retry tap. */
  state: 'queued' | 'sending' | 'failed'
  attempts: number
  error?: string
  /** Refused by content security (CONTENT_BLOCKED): edit, do not retry. */
  blocked?: boolean
}

/** What a message draft may carry when it is queued. */
export type OutboxDraft = Pick<OutboxItem, 'kind' | 'text' | 'faqId' | 'orderNo' | 'order' | 'localPath'>

/** One answer of the messages endpoint, for either viewer. */
export interface PollResult<C extends ConversationLike> {
  conversation: C
  messages: ChatMessage[]
  readSeq: number
  typing: boolean
  hasMore: boolean
}

export interface PollQuery {
  conversationId?: string
  after?: number
  before?: number
  version?: number
  wait?: number
  limit: number
}

/** Lets a caller abort a request in flight (a long-poll that waits on a conversation no longer shown). */
export type OnRequestTask = (task: { abort: () => void }) => void

/** The endpoints a conversation client calls; the shopper and the agent each pass theirs. */
export interface ConversationApi<C extends ConversationLike> {
  poll(q: PollQuery, onTask?: OnRequestTask): Promise<PollResult<C>>
  send(body: SendMessageBody, conversationId: string | undefined): Promise<ChatMessage>
  upload(localPath: string, onProgress: (percent: number) => void): Promise<{ id: string; url?: string }>
  markRead(seq: number, conversationId: string): Promise<unknown>
}

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error'

/** Everything a conversation screen shows; kept by createConversationStore. */
export interface ConversationState<C extends ConversationLike> {
  /** The conversation on screen. */
  currentId: string | null
  /** Latest snapshot of every conversation seen, by id. */
  conversations: Record<string, C>
  /** Messages of every conversation seen, by conversation id, each in seq order. */
  threads: Record<string, ChatMessage[]>
  /** How far the other side has read the viewer's messages (current conversation). */
  peerReadSeq: number
  typing: boolean
  hasOlder: boolean
  loadingOlder: boolean
  status: LoadStatus
  /** The last failure of the poll loop, fit to show; null while it works. */
  error: string | null
  /** The server refused the conversation (signed out, not allowed, gone): the loop stopped. */
  refused: { status: number; message: string } | null
  online: boolean
  /** The screen is in front: new messages count as read. */
  visible: boolean
  outbox: OutboxItem[]
  /** Unsent text per draft key (the shopper's chat, or a conversation the agent answers). */
  drafts: Record<string, string>
}
