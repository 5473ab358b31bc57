import { create } from 'zustand'
import type { AgentConversation, ChatMessage, SendMessageBody, TransferBody } from '@shared/chat'
import { ApiError } from '@/lib/http'
import {
  endConversation,
  markRead,
  pollMessages,
  POLL_WAIT_SECONDS,
  sendMessage,
  transferConversation,
  uploadImage,
} from './agent-chat.api'
import { newClientMsgId } from './agent.helpers'
import { mergeMessages } from './conversation.helpers'

/** A message the agent sent that the server has not confirmed yet (or refused). */
export interface Outgoing {
  clientMsgId: string
  kind: 'text' | 'image'
  text?: string
  localPath?: string
  uploadId?: string
  state: 'sending' | 'failed'
  createdAt: string
}

interface ConversationState {
  id: string | null
  conversation: AgentConversation | null
  messages: ChatMessage[]
  outgoing: Outgoing[]
  typing: boolean
  readSeq: number
  loading: boolean
  error: string | null
  signedOut: boolean
  /** Shows a conversation and keeps it live until `close` or another `open`. */
  open: (id: string) => void
  close: () => void
  send: (text: string) => Promise<void>
  sendImage: (localPath: string) => Promise<void>
  retry: (clientMsgId: string) => Promise<void>
  transfer: (target: TransferBody) => Promise<AgentConversation | null>
  end: () => Promise<AgentConversation | null>
}

let generation = 0
const RETRY_MS = 3000
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function errorText(err: unknown, fallback: string): string {
  return err instanceof ApiError ? err.message : fallback
}

/** The conversation open in the workspace: messages by long-poll, sends with retry-safe ids. */
export const useConversationStore = create<ConversationState>()((set, get) => {
  async function loop(id: string, gen: number): Promise<void> {
    let wait = 0
    while (gen === generation) {
      const { conversation, messages } = get()
      const after = messages.length ? messages[messages.length - 1].seq : 0
      try {
        const poll = await pollMessages(id, after, wait ? (conversation?.version ?? null) : null, wait)
        if (gen !== generation) return
        const merged = mergeMessages(get().messages, poll.messages)
        const confirmed = new Set(poll.messages.map((m) => m.clientMsgId))
        set((s) => ({
          conversation: poll.conversation,
          messages: merged,
          outgoing: s.outgoing.filter((o) => !confirmed.has(o.clientMsgId)),
          typing: poll.typing,
          readSeq: poll.readSeq,
          loading: false,
          error: null,
        }))
        const lastShopper = [...poll.messages].reverse().find((m) => m.sender === 'shopper')
        if (lastShopper && poll.conversation.agentReadSeq < lastShopper.seq) void markRead(id, lastShopper.seq).catch(() => undefined)
        wait = poll.hasMore ? 0 : POLL_WAIT_SECONDS
        if (poll.conversation.status === 'ended' && !poll.hasMore) wait = POLL_WAIT_SECONDS
      } catch (err) {
        if (gen !== generation) return
        if (err instanceof ApiError && (err.status === 401 || err.status === 403 || err.status === 404)) {
          set({ loading: false, signedOut: err.status === 401, error: errorText(err, '无法打开该会话') })
          return
        }
        set({ loading: false, error: errorText(err, '连接中断，正在重试…') })
        wait = 0
        await sleep(RETRY_MS)
      }
    }
  }

  async function deliver(o: Outgoing): Promise<void> {
    const id = get().id
    if (!id) return
    const update = (patch: Partial<Outgoing>) =>
      set((s) => ({ outgoing: s.outgoing.map((x) => (x.clientMsgId === o.clientMsgId ? { ...x, ...patch } : x)) }))
    update({ state: 'sending' })
    try {
      let uploadId = o.uploadId
      if (o.kind === 'image' && !uploadId && o.localPath) {
        uploadId = await uploadImage(o.localPath)
        update({ uploadId })
      }
      const body: SendMessageBody =
        o.kind === 'image'
          ? { clientMsgId: o.clientMsgId, kind: 'image', uploadId }
          : { clientMsgId: o.clientMsgId, kind: 'text', text: o.text }
      const msg = await sendMessage(id, body)
      if (get().id !== id) return
      set((s) => ({
        messages: mergeMessages(s.messages, [msg]),
        outgoing: s.outgoing.filter((x) => x.clientMsgId !== o.clientMsgId),
      }))
    } catch (err) {
      update({ state: 'failed' })
      set({ error: errorText(err, '消息没有发出去，点击消息下方重试') })
    }
  }

  const enqueue = (o: Omit<Outgoing, 'clientMsgId' | 'state' | 'createdAt'>) => {
    const item: Outgoing = { ...o, clientMsgId: newClientMsgId(), state: 'sending', createdAt: new Date().toISOString() }
    set((s) => ({ outgoing: [...s.outgoing, item] }))
    return deliver(item)
  }

  return {
    id: null,
    conversation: null,
    messages: [],
    outgoing: [],
    typing: false,
    readSeq: 0,
    loading: false,
    error: null,
    signedOut: false,
    open: (id) => {
      if (get().id === id) return
      const gen = ++generation
      set({ id, conversation: null, messages: [], outgoing: [], typing: false, readSeq: 0, loading: true, error: null })
      void loop(id, gen)
    },
    close: () => {
      generation++
      set({ id: null, conversation: null, messages: [], outgoing: [], loading: false, error: null })
    },
    send: (text) => {
      const trimmed = text.trim()
      return trimmed ? enqueue({ kind: 'text', text: trimmed }) : Promise.resolve()
    },
    sendImage: (localPath) => enqueue({ kind: 'image', localPath }),
    retry: async (clientMsgId) => {
      const o = get().outgoing.find((x) => x.clientMsgId === clientMsgId)
      if (o) await deliver(o)
    },
    transfer: async (target) => {
      const id = get().id
      if (!id) return null
      try {
        const c = await transferConversation(id, target)
        set({ conversation: c })
        return c
      } catch (err) {
        set({ error: errorText(err, '转接失败，请重试') })
        return null
      }
    },
    end: async () => {
      const id = get().id
      if (!id) return null
      try {
        const c = await endConversation(id)
        set({ conversation: c })
        return c
      } catch (err) {
        set({ error: errorText(err, '结束会话失败，请重试') })
        return null
      }
    },
  }
})
