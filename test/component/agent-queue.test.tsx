import { act, fireEvent, render, screen, within } from '@testing-library/react'
import type { Queue } from '@shared/chat'
import { QueueList } from '@/features/agent/components/queue-list'
import { useInboxStore } from '@/features/agent/agent-inbox.store'
import { conversation, reply, routeRequests, signInAgent } from '../support/agent-fixtures'

const queue: Queue = {
  items: [
    {
      conversationId: 'c-old',
      serviceType: 'payment',
      position: 1,
      queuedAt: new Date(Date.now() - 12 * 60_000).toISOString(),
      waitSeconds: 12 * 60,
      shopper: { id: 's1', displayName: '顾客 A1' },
      handoffReason: 'handoff.complaint',
      orderNo: '202611260000000001',
      preview: '付款失败了还扣钱',
    },
    {
      conversationId: 'c-new',
      serviceType: 'logistics',
      position: 1,
      queuedAt: new Date(Date.now() - 40_000).toISOString(),
      waitSeconds: 40,
      shopper: { id: 's2', displayName: '顾客 B2' },
      handoffReason: 'handoff.request',
      orderNo: null,
      preview: '转人工',
    },
  ],
  byServiceType: [
    { serviceType: 'payment', count: 1, longestWaitSeconds: 720 },
    { serviceType: 'logistics', count: 1, longestWaitSeconds: 40 },
  ],
}

describe('agent queue', () => {
  it('shows who waits, for how long, why the bot handed over, and per-type counts', () => {
    render(<QueueList queue={queue} selectedId={null} claiming={null} onSelect={jest.fn()} onClaim={jest.fn()} />)
    const first = screen.getByLabelText('排队顾客 顾客 A1')
    expect(first).toHaveTextContent('支付')
    expect(first).toHaveTextContent('等待 12 分钟')
    expect(first).toHaveTextContent('转人工原因：投诉')
    expect(first).toHaveTextContent('付款失败了还扣钱')
    expect(first).toHaveTextContent('订单 202611260000000001')
    expect(within(first).getByText('等待 12 分钟')).toHaveClass('queue__wait--long')
    expect(screen.getByLabelText('排队顾客 顾客 B2')).toHaveTextContent('等待 不到 1 分钟')
    expect(screen.getByLabelText('按服务类型排队人数')).toHaveTextContent('支付1最长 12 分钟')
  })

  it('keeps counting the wait between updates', () => {
    render(<QueueList queue={queue} selectedId={null} claiming={null} elapsedSeconds={180} onSelect={jest.fn()} onClaim={jest.fn()} />)
    expect(screen.getByLabelText('排队顾客 顾客 A1')).toHaveTextContent('等待 15 分钟')
  })

  it('claims with the button without also opening the preview', async () => {
    const onSelect = jest.fn()
    const onClaim = jest.fn()
    render(<QueueList queue={queue} selectedId={null} claiming={null} onSelect={onSelect} onClaim={onClaim} />)
    await act(async () => fireEvent.click(screen.getByLabelText('接入 顾客 B2')))
    expect(onClaim).toHaveBeenCalledWith(queue.items[1])
    expect(onSelect).not.toHaveBeenCalled()
    await act(async () => fireEvent.click(screen.getByLabelText('排队顾客 顾客 A1')))
    expect(onSelect).toHaveBeenCalledWith(queue.items[0])
  })

  it('says when nobody is waiting', () => {
    render(
      <QueueList queue={{ items: [], byServiceType: [] }} selectedId={null} claiming={null} onSelect={jest.fn()} onClaim={jest.fn()} />,
    )
    expect(screen.getByText('暂无排队的顾客')).toBeInTheDocument()
  })
})

describe('claiming from the inbox store', () => {
  beforeEach(() => {
    signInAgent()
    useInboxStore.setState({ queue, mine: [], error: null, claiming: null })
  })

  it('moves a claimed conversation from the queue to mine, with the agent token', async () => {
    const calls = routeRequests({ 'POST /api/agent/conversations/c-new/claim': () => conversation({ id: 'c-new' }) })
    const claimed = await useInboxStore.getState().claim('c-new')
    expect(claimed?.id).toBe('c-new')
    expect(calls[0].header.Authorization).toBe('Bearer agent-token')
    const s = useInboxStore.getState()
    expect(s.mine.map((c) => c.id)).toEqual(['c-new'])
    expect(s.queue.items.map((q) => q.conversationId)).toEqual(['c-old'])
  })

  it('tells the agent when a colleague was faster', async () => {
    routeRequests({
      'POST /api/agent/conversations/c-old/claim': () => reply(409, { error: { code: 'ALREADY_CLAIMED', message: 'taken' } }),
    })
    expect(await useInboxStore.getState().claim('c-old')).toBeNull()
    const s = useInboxStore.getState()
    expect(s.error).toBe('该会话已被其他客服接入')
    expect(s.queue.items.map((q) => q.conversationId)).toEqual(['c-new'])
  })
})
