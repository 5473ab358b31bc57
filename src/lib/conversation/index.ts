export {
  createConversationStore,
  selectConversation,
  selectMessages,
  type ConversationClient,
  type ConversationStoreOptions,
  type ReadableConversation,
} from './conversation.store'
export type {
  ConversationApi,
  ConversationState,
  LoadStatus,
  OnRequestTask,
  OutboxDraft,
  OutboxItem,
  PollQuery,
  PollResult,
  Viewer,
} from './conversation.types'
export { MAX_ATTEMPTS } from './outbox'
export * from './timeline'
