import type { FastifyReply, FastifyRequest } from 'fastify'
import type {
  ChatMessage,
  Conversation,
  HandoffBody,
  LinkBody,
  MessagesQuery,
  RatingBody,
  ReadBody,
  SendMessageBody,
} from '../../../types/chat'
import type { ChatDeps } from './chat.deps'
import { markRead, markTyping, rate } from './chat.lifecycle'
import { toConversation, toMessages } from './chat.mapping'
import { shopperChannel } from './chat.events'
import { pollMessages } from './chat.long-poll'
import * as repo from './chat.repository'
import * as chat from './chat.service'
import type { Author } from './chat.send'
import type { ChatLang } from './chat.texts'

// What the shopper's chat routes answer: each call does its work once and maps the result once.

/** The current conversation (opened with the bot when none is open). */
export async function currentConversation(deps: ChatDeps, shopperId: string, lang: ChatLang): Promise<Conversation> {
  return toConversation(deps, await chat.openConversation(deps, shopperId, lang))
}

/** Sends a shopper message (idempotent by clientMsgId) and answers it as the shopper sees it. */
export async function sendMessage(deps: ChatDeps, author: Author, body: SendMessageBody, lang: ChatLang): Promise<ChatMessage> {
  const [message] = await toMessages(deps, [await chat.sendAsShopper(deps, author, body, lang)])
  return message
}

/** Long-polls new messages of one of the shopper's conversations, or pages its history. */
export async function pollMine(deps: ChatDeps, req: FastifyRequest, reply: FastifyReply, shopperId: string, query: MessagesQuery) {
  // A first visit opens the chat here: greet in the language the app asks for.
  const lang = /^en\b/i.test(String(req.headers['accept-language'] ?? '')) ? 'en' : 'zh'
  const conv = await chat.shopperConversation(deps, shopperId, query.conversationId, lang)
  // Unpinned ("my current conversation"), the wait also ends when another tab starts a new one.
  const follow = query.conversationId ? undefined : shopperChannel(shopperId)
  return pollMessages(deps, req, reply, query, conv.id, 'shopper', (row) => toConversation(deps, row), follow)
}

/** Moves the shopper's read mark in one of their conversations. */
export async function readUpTo(deps: ChatDeps, shopperId: string, body: ReadBody): Promise<Conversation> {
  const conv = await chat.shopperConversation(deps, shopperId, body.conversationId)
  return toConversation(deps, await markRead(deps, conv.id, 'shopper', body.seq))
}

/** Shows the agent that the shopper is typing; nothing when no chat is open. */
export async function typing(deps: ChatDeps, shopperId: string): Promise<void> {
  const open = await repo.findOpenConversation(deps.db, shopperId)
  if (open) await markTyping(deps, open.id, 'shopper')
}

/** 转人工 on the open conversation. */
export async function handoff(deps: ChatDeps, shopperId: string, body: HandoffBody, lang: ChatLang): Promise<Conversation> {
  return toConversation(deps, await chat.requestHandoff(deps, shopperId, body, lang))
}

/** Ends the open conversation. */
export async function end(deps: ChatDeps, shopperId: string): Promise<Conversation> {
  return toConversation(deps, await chat.endByShopper(deps, shopperId))
}

/** Rates the bot or the agent of one of the shopper's conversations. */
export async function rateConversation(deps: ChatDeps, shopperId: string, body: RatingBody): Promise<Conversation> {
  const conv = await chat.shopperConversation(deps, shopperId, body.conversationId)
  return toConversation(deps, await rate(deps, shopperId, conv, body))
}

/** The shopper's past and present conversations, newest first. */
export async function myConversations(deps: ChatDeps, shopperId: string): Promise<{ items: Conversation[] }> {
  const rows = await chat.listMyConversations(deps, shopperId)
  return { items: await Promise.all(rows.map((c) => toConversation(deps, c))) }
}

/** Links the open conversation to an order and/or a ticket. */
export async function link(deps: ChatDeps, shopperId: string, body: LinkBody, lang: ChatLang): Promise<Conversation> {
  return toConversation(deps, await chat.linkConversation(deps, shopperId, body, lang))
}
