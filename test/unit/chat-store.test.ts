/**
 * The one conversation client (src/lib/conversation) with a scripted API: acks, polls and
 * network failures are played step by step, for the shopper and for the agent.
 */
import type { AgentConversation, ChatMessage, Conversation, SendMessageBody } from '@shared/chat'
import { ApiError } from '@/lib/http'
import {
  createConversationStore,
  MAX_ATTEMPTS,
  selectConversation,
  selectMessages,
  type ConversationApi,
  type PollQuery,
  type PollResult,
  type ReadableConversation,
} from '@/lib/conversation'
import { selectUnread } from '@/features/chat/chat.store'
import { memoryStorage } from '../support/taro-mock'
import { conversation, msg, pollOf } from '../support/chat-fixtures'

interface PollCall<C extends ReadableConversation> {
  q: PollQuery
  aborted: boolean
  resolve: (r: PollResult<C>) => void
  reject: (e: unknown) => void
}

/** A server that stores each clientMsgId once, in the conversation `current` names, and holds polls until answered. */
function fakeApi<C extends ReadableConversation = Conversation>() {
  const stored = new Map<string, ChatMessage>()
  const polls: PollCall<C>[] = []
  const server = { current: 'c1', nextSeq: 1 }
  const api = {
    poll: jest.fn(
      (q: PollQuery, onTask?: (t: { abort: () => void }) => void) =>
        new Promise<PollResult<C>>((resolve, reject) => {
          const call: PollCall<C> = { q, aborted: false, resolve, reject }
          polls.push(call)
          onTask?.({ abort: () => (call.aborted = true) })
        }),
    ),
    send: jest.fn(async (body: SendMessageBody, conversationId?: string) => {
      const existing = stored.get(body.clientMsgId)
      if (existing) return existing
      const m = msg(server.nextSeq++, {
        conversationId: conversationId ?? server.current,
        sender: 'shopper',
        clientMsgId: body.clientMsgId,
        text: body.text ?? null,
      })
      stored.set(body.clientMsgId, m)
      return m
    }),
    upload: jest.fn(async (_path: string, _onProgress: (p: number) => void) => ({ id: 'u1', url: '/api/uploads/u1?sig=x' })),
    markRead: jest.fn(async () => undefined),
  } satisfies ConversationApi<C>
  return { api, stored, polls, server }
}

const settle = () => new Promise((r) => setTimeout(r, 0))
const clients: Array<{ dispose: () => void }> = []

function shopper(api: ConversationApi<Conversation>) {
  const client = createConversationStore<Conversation>({ viewer: 'shopper', api, persist: { key: 'sd.chat' } })
  clients.push(client)
  return client
}

beforeEach(() => memoryStorage.clear())
afterEach(() => {
  for (const c of clients.splice(0)) c.dispose()
})

describe('conversation client: sending', () => {
  it('keeps one copy when the same ack arrives twice and again through a poll', async () => {
    const { api } = fakeApi()
    const chat = shopper(api)
    chat.send({ kind: 'text', text: '  包裹一直没到  ' })
    await settle()
    const sent = selectMessages(chat.useStore.getState())
    expect(sent).toHaveLength(1)
    chat.applyMessages(sent)
    chat.applyPoll(pollOf(sent))
    const s = chat.useStore.getState()
    expect(selectMessages(s).map((m) => m.text)).toEqual(['包裹一直没到'])
    expect(s.outbox).toEqual([])
  })

  it('never lets an older poll answer overwrite newer state, and orders messages by seq', () => {
    const chat = shopper(fakeApi().api)
    chat.applyPoll(pollOf([msg(1), msg(3)], { version: 5, status: 'queued', queuePosition: 2 }))
    chat.applyPoll(pollOf([msg(2)], { version: 3, status: 'bot' }))
    const s = chat.useStore.getState()
    expect(selectConversation(s)).toMatchObject({ version: 5, status: 'queued', queuePosition: 2 })
    expect(selectMessages(s).map((m) => m.seq)).toEqual([1, 2, 3])
  })

  it('holds messages written offline and sends them once, in order, when back online', async () => {
    const { api, stored } = fakeApi()
    const chat = shopper(api)
    chat.setOnline(false)
    chat.send({ kind: 'text', text: '第一条' })
    chat.send({ kind: 'text', text: '第二条' })
    await settle()
    expect(api.send).not.toHaveBeenCalled()
    expect(chat.useStore.getState().outbox.map((o) => o.state)).toEqual(['queued', 'queued'])

    chat.setOnline(true)
    await chat.flush()
    expect(stored.size).toBe(2)
    expect(selectMessages(chat.useStore.getState()).map((m) => m.text)).toEqual(['第一条', '第二条'])
    expect(chat.useStore.getState().outbox).toEqual([])
  })

  it('retries a lost ack with the same clientMsgId, so the server stores it once', async () => {
    const { api, stored } = fakeApi()
    const real = api.send.getMockImplementation()!
    // The request reaches the server but the answer is lost.
    api.send.mockImplementationOnce(async (body, id) => {
      await real(body, id)
      throw new ApiError(0, 'NETWORK', 'offline')
    })
    const chat = shopper(api)
    chat.send({ kind: 'text', text: '在吗' })
    await settle()
    expect(chat.useStore.getState().outbox[0]).toMatchObject({ state: 'queued', attempts: 1 })
    await chat.flush()
    expect(new Set(api.send.mock.calls.map(([b]) => b.clientMsgId)).size).toBe(1)
    expect(stored.size).toBe(1)
    expect(selectMessages(chat.useStore.getState())).toHaveLength(1)
  })

  it('marks a message failed after repeated failures and sends it on a retry tap', async () => {
    const { api } = fakeApi()
    const real = api.send.getMockImplementation()!
    api.send.mockRejectedValue(new ApiError(503, 'SERVER_ERROR', '服务暂时不可用'))
    const chat = shopper(api)
    chat.send({ kind: 'text', text: '你好' })
    for (let i = 0; i < MAX_ATTEMPTS; i++) await chat.flush()
    const item = chat.useStore.getState().outbox[0]
    expect(item).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS })

    api.send.mockImplementation(real)
    await chat.retry(item.clientMsgId)
    expect(chat.useStore.getState().outbox).toEqual([])
    expect(selectMessages(chat.useStore.getState())[0].clientMsgId).toBe(item.clientMsgId)
  })

  it('fails at once when the server refuses the message itself', async () => {
    const { api } = fakeApi()
    api.send.mockRejectedValue(new ApiError(400, 'VALIDATION_FAILED', '内容过长', 'body.text'))
    const chat = shopper(api)
    chat.send({ kind: 'text', text: 'x' })
    await settle()
    expect(chat.useStore.getState().outbox[0]).toMatchObject({ state: 'failed', error: '内容过长' })
  })

  it('sends a persisted outbox after an app restart, interrupted sends included, exactly once', async () => {
    const first = shopper(fakeApi().api)
    first.setOnline(false)
    const before = first.send({ kind: 'text', text: '重启前写的' })!
    // Killed mid-send: persisted as "sending".
    first.useStore.setState((s) => ({ outbox: s.outbox.map((o) => ({ ...o, state: 'sending' as const })) }))
    expect(memoryStorage.get('sd.chat')).toContain(before.clientMsgId)

    const { api, stored } = fakeApi()
    const second = shopper(api)
    expect(second.useStore.getState().outbox).toEqual([expect.objectContaining({ clientMsgId: before.clientMsgId, state: 'queued' })])
    await second.flush()
    expect(api.send).toHaveBeenCalledTimes(1)
    expect(stored.has(before.clientMsgId)).toBe(true)
    expect(second.useStore.getState().outbox).toEqual([])
  })

  it('keeps the draft across a restart', () => {
    const first = shopper(fakeApi().api)
    first.setDraft('还没写完的问题')
    const second = shopper(fakeApi().api)
    expect(second.selectDraft(second.useStore.getState())).toBe('还没写完的问题')
  })

  it('uploads an image with progress, then sends it with the upload id', async () => {
    const { api } = fakeApi()
    const chat = shopper(api)
    const progress: number[] = []
    api.upload.mockImplementation(async (_path, onProgress) => {
      onProgress(40)
      progress.push(chat.useStore.getState().outbox[0].uploadProgress ?? -1)
      return { id: 'u1', url: '/api/uploads/u1?sig=x' }
    })
    chat.send({ kind: 'image', localPath: 'blob:local-photo' })
    await chat.flush()
    expect(progress).toEqual([40])
    expect(api.send).toHaveBeenCalledWith(expect.objectContaining({ kind: 'image', uploadId: 'u1' }), undefined)
  })

  it('counts unread for the badge only while the chat is not in front', () => {
    const chat = shopper(fakeApi().api)
    chat.applyPoll(pollOf([msg(1), msg(2)], { unreadCount: 2 }))
    expect(selectUnread(chat.useStore.getState())).toBe(2)
    chat.useStore.setState({ visible: true })
    expect(selectUnread(chat.useStore.getState())).toBe(0)
  })
})

describe('conversation client: lifecycle', () => {
  const endedHistory = [
    msg(1, { sender: 'shopper', text: '转人工' }),
    msg(2, { text: '正在为您转接人工客服' }),
    msg(3, { sender: 'system', kind: 'event', text: '本次会话已结束' }),
  ]
  const ended = () => pollOf(endedHistory, { id: 'c1', status: 'ended', endedBy: 'agent', createdAt: '2026-11-26T02:00:00.000Z' })

  it('after an ended chat, a new question starts a new conversation and its bot answer shows at once', async () => {
    const { api, polls, server } = fakeApi()
    const chat = shopper(api)
    chat.resume()
    await settle()
    polls[0].resolve(ended())
    await settle()
    // Now long-polling the ended conversation, which will not change.
    expect(polls).toHaveLength(2)
    expect(polls[1].q).toMatchObject({ wait: 25 })
    expect(selectConversation(chat.useStore.getState())?.status).toBe('ended')

    server.current = 'c2'
    server.nextSeq = 1
    chat.send({ kind: 'text', text: '我的退款什么时候到' })
    await chat.flush()
    let s = chat.useStore.getState()
    // The new question is on screen, in its own conversation; the old one is untouched.
    expect(s.currentId).toBe('c2')
    expect(selectMessages(s).map((m) => m.text)).toEqual(['我的退款什么时候到'])
    expect(selectConversation(s)).toBeNull()
    expect(s.threads.c1.map((m) => m.text)).toEqual(['转人工', '正在为您转接人工客服', '本次会话已结束'])
    // The wait on the ended conversation is dropped and the new one is loaded without waiting.
    await settle()
    expect(polls[1].aborted).toBe(true)
    expect(polls).toHaveLength(3)
    expect(polls[2].q.wait).toBeUndefined()

    const answer = msg(2, { conversationId: 'c2', text: '退款一般 1-3 个工作日到账' })
    const first = msg(1, { conversationId: 'c2', sender: 'shopper', text: '我的退款什么时候到', clientMsgId: s.threads.c2[0].clientMsgId })
    polls[2].resolve(pollOf([first, answer], { id: 'c2', status: 'bot', createdAt: '2026-11-26T03:00:00.000Z' }))
    await settle()
    s = chat.useStore.getState()
    expect(selectMessages(s).map((m) => m.text)).toEqual(['我的退款什么时候到', '退款一般 1-3 个工作日到账'])
    expect(selectConversation(s)).toMatchObject({ id: 'c2', status: 'bot' })
    expect(s.outbox).toEqual([])
  })

  it('a late answer about the ended conversation never takes the screen back', async () => {
    const chat = shopper(fakeApi().api)
    chat.applyPoll(ended(), true)
    chat.applyPoll(pollOf([msg(1, { conversationId: 'c2' })], { id: 'c2', status: 'bot', createdAt: '2026-11-26T03:00:00.000Z' }))
    chat.applyPoll(ended())
    const s = chat.useStore.getState()
    expect(s.currentId).toBe('c2')
    expect(selectMessages(s).map((m) => m.conversationId)).toEqual(['c2'])
  })

  it('a second tab follows the conversation the first one started', () => {
    const chat = shopper(fakeApi().api)
    chat.applyPoll(ended(), true)
    // The poll of "my current conversation" now answers with the one the other tab started.
    chat.applyPoll(
      pollOf([msg(1, { conversationId: 'c2', sender: 'shopper', text: '另一个标签页' })], {
        id: 'c2',
        createdAt: '2026-11-26T03:00:00.000Z',
      }),
    )
    expect(selectMessages(chat.useStore.getState()).map((m) => m.text)).toEqual(['另一个标签页'])
  })

  it('ends by the shopper, the agent or the idle sweep the same way: the snapshot says ended, the history stays', () => {
    for (const endedBy of ['shopper', 'agent', 'idle'] as const) {
      const chat = shopper(fakeApi().api)
      chat.applyPoll(pollOf(endedHistory.slice(0, 2), { version: 3, status: 'assigned' }), true)
      chat.setConversation(conversation({ version: 4, status: 'ended', endedBy }))
      const s = chat.useStore.getState()
      expect(selectConversation(s)).toMatchObject({ status: 'ended', endedBy })
      expect(selectMessages(s)).toHaveLength(2)
      chat.dispose()
    }
  })
})

describe('conversation client: agent', () => {
  const agentConv = (over: Partial<AgentConversation> = {}): AgentConversation => ({
    ...conversation({ status: 'assigned' }),
    shopper: { id: 's1', displayName: '访客·A3F2' },
    agentId: 'a1',
    handoffReason: null,
    lastMessage: null,
    assignedAt: null,
    ...over,
  })

  it("persists an agent's reply and sends it after a restart to the conversation it was written in", async () => {
    const first = createConversationStore<AgentConversation>({
      viewer: 'agent',
      api: fakeApi<AgentConversation>().api,
      persist: { key: 'sd.agent.chat' },
    })
    clients.push(first)
    first.useStore.setState({ currentId: 'c7' })
    first.setOnline(false)
    first.send({ kind: 'text', text: '已为您登记退款' })
    first.setDraft('下一条')

    const { api, stored } = fakeApi<AgentConversation>()
    const second = createConversationStore<AgentConversation>({ viewer: 'agent', api, persist: { key: 'sd.agent.chat' } })
    clients.push(second)
    await second.flush()
    expect(api.send).toHaveBeenCalledWith(expect.objectContaining({ text: '已为您登记退款' }), 'c7')
    expect(stored.size).toBe(1)
    second.useStore.setState({ currentId: 'c7' })
    expect(second.selectDraft(second.useStore.getState())).toBe('下一条')
  })

  it('marks the shopper messages read up to the last one the agent sees', async () => {
    const { api } = fakeApi<AgentConversation>()
    const desk = createConversationStore<AgentConversation>({ viewer: 'agent', api })
    clients.push(desk)
    desk.useStore.setState({ currentId: 'c1', visible: true })
    desk.applyPoll({ ...pollOf([msg(1, { sender: 'shopper' }), msg(2, { sender: 'agent' })]), conversation: agentConv({ lastSeq: 2 }) })
    await desk.acknowledgeRead()
    expect(api.markRead).toHaveBeenCalledWith(1, 'c1')
  })
})
