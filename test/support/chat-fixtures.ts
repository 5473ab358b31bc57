import type { ChatMessage, ChatPoll, Conversation } from '@shared/chat'

/** A server message with seq-derived defaults (a bot text, one minute per seq). */
export function msg(seq: number, over: Partial<ChatMessage> = {}): ChatMessage {
  return {
    id: `id-${seq}`,
    conversationId: 'c1',
    seq,
    clientMsgId: null,
    sender: 'bot',
    senderName: null,
    kind: 'text',
    text: `m${seq}`,
    uploadId: null,
    imageUrl: null,
    orderNo: null,
    order: null,
    meta: null,
    event: null,
    system: null,
    createdAt: new Date(Date.UTC(2026, 10, 26, 2, seq)).toISOString(),
    ...over,
  }
}

/** A conversation snapshot as the server sends it. */
export function conversation(over: Partial<Conversation> = {}): Conversation {
  return {
    id: 'c1',
    status: 'bot',
    serviceType: null,
    agentName: null,
    queuePosition: null,
    unreadCount: 0,
    lastSeq: 0,
    version: 1,
    shopperReadSeq: 0,
    agentReadSeq: 0,
    orderNo: null,
    ticketId: null,
    endedBy: null,
    rating: { pending: [], requested: false, given: [] },
    createdAt: '2026-11-26T02:00:00.000Z',
    queuedAt: null,
    endedAt: null,
    caseNo: 'KF-7Q3M-2H',
    ...over,
  }
}

/** A poll response around the given messages. */
export function pollOf(messages: ChatMessage[], over: Partial<Conversation> = {}, hasMore = false): ChatPoll {
  const lastSeq = messages.reduce((m, x) => Math.max(m, x.seq), 0)
  return { messages, conversation: conversation({ lastSeq, ...over }), readSeq: 0, typing: false, hasMore }
}
