/**
 * The chat store with the API module replaced: acks, polls and network failures are scripted
 * so the outbox and merge rules can be checked step by step.
 */
import type { ChatMessage, SendMessageBody } from '@shared/chat'
import { ApiError } from '@/lib/http'
import { memoryStorage } from '../support/taro-mock'
import { msg, pollOf } from '../support/chat-fixtures'

jest.mock('@/features/chat/chat.api', () => ({
  POLL_WAIT_SECONDS: 25,
  poll: jest.fn(() => new Promise(() => undefined)),
  sendMessage: jest.fn(),
  uploadImage: jest.fn(),
  markRead: jest.fn(() => Promise.resolve()),
  openConversation: jest.fn(),
  requestHandoff: jest.fn(),
  endConversation: jest.fn(),
  rate: jest.fn(),
}))

type Api = typeof import('@/features/chat/chat.api')
type Mods = {
  api: jest.Mocked<Api>
  store: typeof import('@/features/chat/chat.store')
  outbox: typeof import('@/features/chat/chat.outbox')
  actions: typeof import('@/features/chat/chat.actions')
  realtime: typeof import('@/features/chat/chat.realtime')
}

/** A fresh app: modules (and the store) loaded anew, as after a restart. */
const booted: Mods[] = []
function boot(): Mods {
  let mods!: Mods
  jest.isolateModules(() => {
    /* eslint-disable @typescript-eslint/no-require-imports -- a fresh module registry needs require() */
    mods = {
      api: require('@/features/chat/chat.api'),
      store: require('@/features/chat/chat.store'),
      outbox: require('@/features/chat/chat.outbox'),
      actions: require('@/features/chat/chat.actions'),
      realtime: require('@/features/chat/chat.realtime'),
    }
    /* eslint-enable @typescript-eslint/no-require-imports */
  })
  booted.push(mods)
  return mods
}

/** What the server does with a send: stores it once per clientMsgId. */
function fakeServer(api: jest.Mocked<Api>) {
  const stored = new Map<string, ChatMessage>()
  api.sendMessage.mockImplementation(async (body: SendMessageBody) => {
    const existing = stored.get(body.clientMsgId)
    if (existing) return existing
    const m = msg(stored.size + 1, { sender: 'shopper', clientMsgId: body.clientMsgId, text: body.text ?? null })
    stored.set(body.clientMsgId, m)
    return m
  })
  return stored
}

const settle = () => new Promise((r) => setTimeout(r, 0))

beforeEach(() => {
  memoryStorage.clear()
  jest.clearAllMocks()
})
afterEach(() => {
  for (const m of booted.splice(0)) {
    m.outbox.cancelOutboxTimers()
    m.realtime.resetRealtime()
  }
})

describe('chat store', () => {
  it('keeps one copy when the same ack arrives twice and again through a poll', async () => {
    const { api, store, actions } = boot()
    fakeServer(api)
    actions.sendText('  包裹一直没到  ')
    await settle()
    const sent = store.useChatStore.getState().messages
    expect(sent).toHaveLength(1)
    store.applyMessages(sent)
    store.applyPoll(pollOf(sent))
    const s = store.useChatStore.getState()
    expect(s.messages.map((m) => m.text)).toEqual(['包裹一直没到'])
    expect(s.outbox).toEqual([])
  })

  it('never lets an older poll answer overwrite newer state, and orders messages by seq', () => {
    const { store } = boot()
    store.applyPoll(pollOf([msg(1), msg(3)], { version: 5, status: 'queued', queuePosition: 2 }))
    store.applyPoll(pollOf([msg(2)], { version: 3, status: 'bot' }))
    const s = store.useChatStore.getState()
    expect(s.conversation).toMatchObject({ version: 5, status: 'queued', queuePosition: 2 })
    expect(s.messages.map((m) => m.seq)).toEqual([1, 2, 3])
  })

  it('holds messages written offline and sends them once, in order, when back online', async () => {
    const { api, store, actions, realtime } = boot()
    const stored = fakeServer(api)
    realtime.setOnline(false)
    actions.sendText('第一条')
    actions.sendText('第二条')
    await settle()
    expect(api.sendMessage).not.toHaveBeenCalled()
    expect(store.useChatStore.getState().outbox.map((o) => o.state)).toEqual(['queued', 'queued'])

    realtime.setOnline(true)
    await settle()
    await settle()
    expect(stored.size).toBe(2)
    expect(store.useChatStore.getState().messages.map((m) => m.text)).toEqual(['第一条', '第二条'])
    expect(store.useChatStore.getState().outbox).toEqual([])
  })

  it('retries a lost ack with the same clientMsgId, so the server stores it once', async () => {
    const { api, store, actions, outbox } = boot()
    const stored = fakeServer(api)
    const real = api.sendMessage.getMockImplementation()!
    // The request reaches the server but the answer is lost.
    api.sendMessage.mockImplementationOnce(async (body) => {
      await real(body)
      throw new ApiError(0, 'NETWORK', 'offline')
    })
    actions.sendText('在吗')
    await settle()
    expect(store.useChatStore.getState().outbox[0]).toMatchObject({ state: 'queued', attempts: 1 })
    await outbox.flushOutbox()
    const ids = api.sendMessage.mock.calls.map(([b]) => b.clientMsgId)
    expect(new Set(ids).size).toBe(1)
    expect(stored.size).toBe(1)
    expect(store.useChatStore.getState().messages).toHaveLength(1)
  })

  it('marks a message failed after repeated failures and sends it on a retry tap', async () => {
    const { api, store, actions, outbox } = boot()
    fakeServer(api)
    const real = api.sendMessage.getMockImplementation()!
    api.sendMessage.mockRejectedValue(new ApiError(503, 'SERVER_ERROR', '服务暂时不可用'))
    actions.sendText('你好')
    for (let i = 0; i < outbox.MAX_ATTEMPTS; i++) await outbox.flushOutbox()
    const item = store.useChatStore.getState().outbox[0]
    expect(item).toMatchObject({ state: 'failed', attempts: outbox.MAX_ATTEMPTS })

    api.sendMessage.mockImplementation(real)
    await outbox.retryMessage(item.clientMsgId)
    expect(store.useChatStore.getState().outbox).toEqual([])
    expect(store.useChatStore.getState().messages[0].clientMsgId).toBe(item.clientMsgId)
  })

  it('fails at once when the server refuses the message itself', async () => {
    const { api, store, actions } = boot()
    api.sendMessage.mockRejectedValue(new ApiError(400, 'VALIDATION_FAILED', '内容过长', 'body.text'))
    actions.sendText('x')
    await settle()
    expect(store.useChatStore.getState().outbox[0]).toMatchObject({ state: 'failed', error: '内容过长' })
  })

  it('sends a persisted outbox after an app restart, interrupted sends included, exactly once', async () => {
    const first = boot()
    first.realtime.setOnline(false)
    first.actions.sendText('重启前写的')
    const before = first.store.useChatStore.getState().outbox[0]
    // Killed mid-send: persisted as "sending".
    first.store.patchOutbox(before.clientMsgId, { state: 'sending' })
    expect(memoryStorage.get('sd.chat')).toContain(before.clientMsgId)

    const second = boot()
    const stored = fakeServer(second.api)
    expect(second.store.useChatStore.getState().outbox).toEqual([
      expect.objectContaining({ clientMsgId: before.clientMsgId, state: 'queued' }),
    ])
    await second.outbox.flushOutbox()
    expect(second.api.sendMessage).toHaveBeenCalledTimes(1)
    expect(stored.has(before.clientMsgId)).toBe(true)
    expect(second.store.useChatStore.getState().outbox).toEqual([])
  })

  it('uploads an image with progress, then sends it with the upload id', async () => {
    const { api, store, actions } = boot()
    fakeServer(api)
    const progress: number[] = []
    api.uploadImage.mockImplementation(async (_path, onProgress) => {
      onProgress(40)
      progress.push(store.useChatStore.getState().outbox[0].uploadProgress ?? -1)
      return { id: 'u1', url: '/api/uploads/u1?sig=x' } as never
    })
    actions.sendImage('blob:local-photo')
    await settle()
    await settle()
    expect(progress).toEqual([40])
    expect(api.sendMessage).toHaveBeenCalledWith(expect.objectContaining({ kind: 'image', uploadId: 'u1' }))
  })

  it('counts unread for the badge only while the chat is not in front', () => {
    const { store } = boot()
    store.applyPoll(pollOf([msg(1), msg(2)], { unreadCount: 2 }))
    expect(store.selectUnread(store.useChatStore.getState())).toBe(2)
    store.useChatStore.setState({ visible: true })
    expect(store.selectUnread(store.useChatStore.getState())).toBe(0)
  })
})
