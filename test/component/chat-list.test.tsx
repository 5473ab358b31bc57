import { act, fireEvent, render, screen } from '@testing-library/react'
import { MessageList, type MessageListProps } from '@/features/chat/components/message-list'
import type { OutboxItem } from '@/features/chat/chat.helpers'
import { msg } from '../support/chat-fixtures'

const props = (over: Partial<MessageListProps> = {}): MessageListProps => ({
  messages: [],
  outbox: [],
  peerReadSeq: 0,
  typing: false,
  online: true,
  hasOlder: false,
  loadingOlder: false,
  onLoadOlder: jest.fn(() => Promise.resolve()),
  onRetry: jest.fn(),
  ...over,
})

const failed: OutboxItem = {
  clientMsgId: 'mfail1',
  kind: 'text',
  text: '没发出去的消息',
  createdAt: '2026-11-26T02:10:00.000Z',
  state: 'failed',
  attempts: 3,
}

describe('chat message list', () => {
  it('shows each sender with its own bubble, system lines centred, and read marks', () => {
    const { container } = render(
      <MessageList
        {...props({
          peerReadSeq: 1,
          messages: [
            msg(1, { sender: 'shopper', text: '我的快递丢了' }),
            msg(2, { sender: 'bot', text: '已为您转接人工' }),
            msg(3, { sender: 'system', kind: 'event', text: '客服 小艾 已接入' }),
            msg(4, { sender: 'agent', senderName: '小艾', text: '您好，我来帮您查' }),
            msg(5, { sender: 'shopper', text: '谢谢' }),
          ],
        })}
      />,
    )
    expect(container.querySelectorAll('.bubble--shopper')).toHaveLength(2)
    expect(container.querySelector('.bubble--bot')?.textContent).toBe('已为您转接人工')
    expect(container.querySelector('.msg--system')?.textContent).toBe('客服 小艾 已接入')
    expect(container.querySelector('.msg__name')?.textContent).toBe('小艾')
    expect(Array.from(container.querySelectorAll('.msg__mark')).map((e) => e.textContent)).toEqual(['已读', '未读'])
  })

  it('renders markup as the text it is, and wraps order numbers for copying', () => {
    const { container } = render(
      <MessageList {...props({ messages: [msg(1, { text: '<img src=x onerror=alert(1)> 订单 202611261234567890' })] })} />,
    )
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('.bubble__text')?.textContent).toContain('<img src=x onerror=alert(1)>')
    expect(container.querySelector('.bubble__order-no')?.textContent).toBe('202611261234567890')
  })

  it('shows an unsent message as failed and retries it on tap', async () => {
    const onRetry = jest.fn()
    render(<MessageList {...props({ outbox: [failed], onRetry })} />)
    await act(async () => fireEvent.click(screen.getByText('发送失败，点击重试')))
    expect(onRetry).toHaveBeenCalledWith('mfail1')
  })

  it('says a queued message waits for the network when offline', () => {
    render(<MessageList {...props({ online: false, outbox: [{ ...failed, state: 'queued', attempts: 0 }] })} />)
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
