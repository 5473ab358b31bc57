import { act, fireEvent, render, screen } from '@testing-library/react'
import { MessageList, type MessageListProps, type PendingMessage } from '@/components/message-list'
import { msg } from '../support/chat-fixtures'

const props = (over: Partial<MessageListProps> = {}): MessageListProps => ({
  viewer: 'shopper',
  messages: [],
  pending: [],
  peerReadSeq: 0,
  typing: false,
  online: true,
  hasOlder: false,
  loadingOlder: false,
  onLoadOlder: jest.fn(() => Promise.resolve()),
  onRetry: jest.fn(),
  ...over,
})

const failed: PendingMessage = {
  clientMsgId: 'mfail1',
  kind: 'text',
  text: '没发出去的消息',
  createdAt: '2026-11-26T02:10:00.000Z',
  state: 'failed',
}

const conversation = [
  msg(1, { sender: 'shopper', text: '我的快递丢了' }),
  msg(2, { sender: 'bot', text: '已为您转接人工' }),
  msg(3, { sender: 'system', kind: 'event', text: '客服 小艾 已接入' }),
  msg(4, { sender: 'agent', senderName: '小艾', text: '您好，我来帮您查' }),
  msg(5, { sender: 'shopper', text: '谢谢' }),
]

const texts = (root: Element, selector: string) => Array.from(root.querySelectorAll(selector)).map((e) => e.textContent)

describe('message list on the shopper side', () => {
  it('puts the shopper on the right with read marks, the bot and agent on the left, system lines centred', () => {
    const { container } = render(<MessageList {...props({ peerReadSeq: 1, messages: conversation })} />)
    expect(texts(container, '.msg--mine .bubble')).toEqual(['我的快递丢了', '谢谢'])
    expect(texts(container, '.msg--theirs .bubble')).toEqual(['已为您转接人工', '您好，我来帮您查'])
    expect(container.querySelector('.msg--system')?.textContent).toBe('客服 小艾 已接入')
    expect(texts(container, '.msg__name')).toEqual(['小艾'])
    expect(texts(container, '.msg__mark')).toEqual(['已读', '未读'])
    expect(screen.getAllByLabelText('我')).toHaveLength(2)
  })

  it('renders markup as the text it is, and wraps order numbers and links for copying', () => {
    const { container } = render(
      <MessageList
        {...props({ messages: [msg(1, { text: '<img src=x onerror=alert(1)> 订单 202611261234567890 https://m.example.com/o' })] })}
      />,
    )
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('.bubble__text')?.textContent).toContain('<img src=x onerror=alert(1)>')
    expect(container.querySelector('.bubble__order-no')?.textContent).toBe('202611261234567890')
    expect(container.querySelector('.bubble__url')?.textContent).toBe('https://m.example.com/o')
  })

  it('separates messages more than five minutes apart with a time line', () => {
    const { container } = render(<MessageList {...props({ messages: [msg(1), msg(2), msg(20)] })} />)
    expect(container.querySelectorAll('.chat-list__time')).toHaveLength(2)
  })

  it('shows an unsent message as failed and retries it on tap', async () => {
    const onRetry = jest.fn()
    render(<MessageList {...props({ pending: [failed], onRetry })} />)
    await act(async () => fireEvent.click(screen.getByText('发送失败，点击重试')))
    expect(onRetry).toHaveBeenCalledWith('mfail1')
  })

  it('says a queued message waits for the network when offline', () => {
    render(<MessageList {...props({ online: false, pending: [{ ...failed, state: 'queued' }] })} />)
    expect(screen.getByText('等待网络')).toBeInTheDocument()
  })

  it('loads older messages from the top link', async () => {
    const onLoadOlder = jest.fn(() => Promise.resolve())
    render(<MessageList {...props({ hasOlder: true, onLoadOlder, messages: [msg(40)] })} />)
    await act(async () => fireEvent.click(screen.getByText('查看更早的消息')))
    expect(onLoadOlder).toHaveBeenCalled()
  })

  it('shows the typing indicator', () => {
    render(<MessageList {...props({ typing: true })} />)
    expect(screen.getByText('对方正在输入…')).toBeInTheDocument()
  })
})

describe('message list on the agent side', () => {
  const agent = (over: Partial<MessageListProps> = {}) => props({ viewer: 'agent', ...over })

  it('puts the agent on the right with the shopper read marks, and names the shopper and the bot', () => {
    const { container } = render(<MessageList {...agent({ peerReadSeq: 4, messages: conversation })} />)
    expect(texts(container, '.msg--mine .bubble')).toEqual(['您好，我来帮您查'])
    expect(texts(container, '.msg--theirs .bubble')).toEqual(['我的快递丢了', '已为您转接人工', '谢谢'])
    expect(texts(container, '.msg__name')).toEqual(['顾客', '智能客服', '顾客'])
    expect(texts(container, '.msg__mark')).toEqual(['已读'])
    expect(container.querySelector('.msg--system')?.textContent).toBe('客服 小艾 已接入')
  })

  it('shows the agent sending, then failed with a retry that gives back the clientMsgId', async () => {
    const onRetry = jest.fn()
    const sending: PendingMessage = { ...failed, clientMsgId: 'a1', text: '正在为您查询', state: 'sending' }
    const { rerender, container } = render(<MessageList {...agent({ pending: [sending], onRetry })} />)
    expect(container.querySelector('.msg--pending.msg--mine')?.textContent).toContain('发送中')
    rerender(<MessageList {...agent({ pending: [{ ...sending, state: 'failed' }], onRetry })} />)
    await act(async () => fireEvent.click(screen.getByLabelText('发送失败，点击重试')))
    expect(onRetry).toHaveBeenCalledWith('a1')
  })

  it('shows what it is waiting for while empty, and the shopper typing', () => {
    render(<MessageList {...agent({ emptyText: '加载消息…', typing: true })} />)
    expect(screen.getByText('加载消息…')).toBeInTheDocument()
    expect(screen.getByText('对方正在输入…')).toBeInTheDocument()
  })

  it('shows an order card the shopper sent, with its number', () => {
    const order = { orderNo: '202611261234567890', title: '无线耳机', status: 'shipped', amountCents: 19900 }
    render(<MessageList {...agent({ messages: [msg(1, { sender: 'shopper', kind: 'order', orderNo: order.orderNo, order })] })} />)
    expect(screen.getByLabelText('订单号 202611261234567890')).toHaveTextContent('无线耳机')
    expect(screen.getByText('已发货')).toBeInTheDocument()
  })
})
