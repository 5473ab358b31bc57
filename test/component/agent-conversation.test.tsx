import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { AgentPoll, ChatMessage } from '@shared/chat'
import { ConversationPanel } from '@/features/agent/components/conversation-panel'
import { agentConversation, useConversationStore } from '@/features/agent/agent-conversation.store'
import { selectMessages } from '@/lib/conversation'
import { AGENT_ID, conversation, held, message, reply, routeRequests, signInAgent, typeInto, type Call } from '../support/agent-fixtures'

const history: ChatMessage[] = [
  message(1, { text: '付款失败了但是钱扣了' }),
  message(2, {
    sender: 'bot',
    text: '请提供支付记录截图',
    meta: {
      serviceType: 'payment',
      intent: 'handoff.request',
      needsEvidence: ['payment_screenshot'],
      handoff: true,
      faqIds: [],
      quickReplies: [],
    },
  }),
  message(3, { sender: 'system', kind: 'event', text: '客服 小艾 已接入' }),
]

function firstPoll(patch: Partial<AgentPoll> = {}): AgentPoll {
  return { messages: history, readSeq: 0, typing: false, hasMore: false, conversation: conversation({ lastSeq: 3 }), ...patch }
}

function mount(routes: Parameters<typeof routeRequests>[0] = {}): Call[] {
  const calls = routeRequests({
    'GET /api/agent/conversations/c1/messages': ({ url }) => (!url.includes('wait=') ? firstPoll() : held()),
    'POST /api/agent/conversations/c1/read': () => conversation(),
    ...routes,
  })
  render(<ConversationPanel conversationId='c1' selfId={AGENT_ID} onBack={jest.fn()} onShowCustomer={jest.fn()} onLeave={jest.fn()} />)
  return calls
}

describe('agent conversation', () => {
  beforeEach(() => {
    jest.clearAllMocks()
    signInAgent()
    agentConversation.close()
    useConversationStore.setState({ outbox: [], drafts: {}, threads: {}, conversations: {} })
  })

  it('shows the bot summary and the conversation in the shared message list', async () => {
    mount()
    expect(await screen.findByText('付款失败了但是钱扣了')).toBeInTheDocument()
    const summary = screen.getByLabelText('智能客服摘要')
    expect(summary).toHaveTextContent('类型：支付')
    expect(summary).toHaveTextContent('意图：顾客要求人工')
    expect(summary).toHaveTextContent('待补充：支付记录截图')
    expect(screen.getByText('客服 小艾 已接入')).toBeInTheDocument()
  })

  it('shows the WeChat badge and the page the shopper opened WeChat’s service chat from', async () => {
    const wechat = conversation({
      lastSeq: 3,
      channel: 'wechat',
      wechatEntryPage: 'pages/ticket/detail/index?id=t1',
      wechatWindow: { endsAt: new Date(Date.now() + 3600_000 * 40).toISOString(), repliesLeft: 5, open: true, fallback: 'ask' },
    })
    mount({
      'GET /api/agent/conversations/c1/messages': ({ url }) => (!url.includes('wait=') ? firstPoll({ conversation: wechat }) : held()),
    })
    expect(await screen.findByText('来自页面：工单详情')).toBeInTheDocument()
    expect(screen.getByLabelText('微信客服消息会话')).toBeInTheDocument()
  })

  it('sends a quick phrase once, with a clientMsgId, and shows the stored message', async () => {
    let stored: ChatMessage | null = null
    const calls = mount({
      'POST /api/agent/conversations/c1/messages': ({ data }) => {
        const body = data as { clientMsgId: string; text: string }
        stored = message(4, { sender: 'agent', senderName: '小艾', clientMsgId: body.clientMsgId, text: body.text })
        return stored
      },
    })
    await screen.findByText('付款失败了但是钱扣了')
    await act(async () => fireEvent.click(screen.getByLabelText('快捷短语 要支付记录截图')))
    await act(async () => fireEvent.click(screen.getByLabelText('发送')))
    const posts = calls.filter((c) => c.method === 'POST' && c.path.endsWith('/messages'))
    expect(posts).toHaveLength(1)
    expect(posts[0].data).toMatchObject({ kind: 'text', text: expect.stringContaining('支付记录截图') })
    expect((posts[0].data as { clientMsgId: string }).clientMsgId).toMatch(/^[A-Za-z0-9_.:-]+$/)
    await waitFor(() => expect(selectMessages(useConversationStore.getState()).map((m) => m.seq)).toEqual([1, 2, 3, 4]))
    expect(useConversationStore.getState().outbox).toEqual([])
  })

  it('keeps a failed message with a retry that reuses its clientMsgId', async () => {
    let attempts = 0
    const calls = mount({
      'POST /api/agent/conversations/c1/messages': ({ data }) => {
        attempts += 1
        if (attempts === 1) return reply(409, { error: { code: 'NOT_ASSIGNEE', message: '该会话已转给其他客服' } })
        const body = data as { clientMsgId: string; text: string }
        return message(4, { sender: 'agent', clientMsgId: body.clientMsgId, text: body.text })
      },
    })
    await screen.findByText('付款失败了但是钱扣了')
    typeInto('回复内容', '您好，我来帮您查')
    await act(async () => fireEvent.click(screen.getByLabelText('发送')))
    const retry = await screen.findByLabelText('发送失败，点击重试')
    await act(async () => fireEvent.click(retry))
    const ids = calls
      .filter((c) => c.method === 'POST' && c.path.endsWith('/messages'))
      .map((c) => (c.data as { clientMsgId: string }).clientMsgId)
    expect(ids).toHaveLength(2)
    expect(ids[0]).toBe(ids[1])
    await waitFor(() => expect(screen.queryByLabelText('发送失败，点击重试')).toBeNull())
    expect(screen.getByText('您好，我来帮您查')).toBeInTheDocument()
  })

  it('marks the shopper messages read', async () => {
    const calls = mount()
    await screen.findByText('付款失败了但是钱扣了')
    await waitFor(() => expect(calls.find((c) => c.path.endsWith('/read'))?.data).toEqual({ seq: 1 }))
  })

  it('ends the conversation after confirming, which asks the shopper to rate', async () => {
    const calls = mount({
      'POST /api/agent/conversations/c1/end': () => conversation({ status: 'ended', endedBy: 'agent' }),
    })
    await screen.findByText('付款失败了但是钱扣了')
    await act(async () => fireEvent.click(screen.getByLabelText('结束会话')))
    expect(Taro.showModal).toHaveBeenCalled()
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/end'))).toBe(true)
    expect(await screen.findByText('会话已结束，已邀请顾客评价')).toBeInTheDocument()
    expect(screen.queryByLabelText('回复内容')).toBeNull()
  })

  it('offers to claim a conversation that is still queued, and no composer', async () => {
    routeRequests({
      'GET /api/agent/conversations/c1/messages': ({ url }) =>
        !url.includes('wait=') ? firstPoll({ conversation: conversation({ status: 'queued', agentId: null, agentName: null }) }) : held(),
    })
    render(<ConversationPanel conversationId='c1' selfId={AGENT_ID} onBack={jest.fn()} onShowCustomer={jest.fn()} onLeave={jest.fn()} />)
    expect(await screen.findByLabelText('接入会话')).toBeInTheDocument()
    expect(screen.queryByLabelText('回复内容')).toBeNull()
    expect(screen.queryByLabelText('转接')).toBeNull()
  })
})
