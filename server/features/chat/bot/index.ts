/** Public API of the service bot. */
export {
  answer,
  detectLang,
  isUnhelpful,
  replyForFaq,
  stripHostile,
  MAX_INPUT_CHARS,
  UNHELPFUL_HANDOFF_THRESHOLD,
  type BotInput,
  type BotReply,
  type Lang,
  type QuickReply,
  type QuickReplyAction,
  type TicketPrefill,
} from './bot'
export { extractEntities } from './entities'
export { understand, INTENTS } from './understand'
export { KNOWLEDGE_BASE, getKbEntry, type KbEntry } from './knowledge-base'
export { BM25, buildIndex, detectOrderNo, detectTrackingNo, search, searchTokens, type Bm25Index, type Hit } from './retrieval'
export { SYNONYM_GROUPS, conceptsOf, normalize, tokenize, type Normalized } from './tokenize'
