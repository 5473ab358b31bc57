import Taro from '@tarojs/taro'
import { fireEvent, render, screen } from '@testing-library/react'
import { MessageList, type MessageListProps } from '@/components/message-list'
import { ChannelBadge } from '@/features/agent/wechat/channel-badge'
import { ReplyWindowBar } from '@/features/agent/wechat/reply-window'
import { msg } from '../support/chat-fixtures'

const list = (over: Partial<MessageListProps> = {}): MessageListProps => ({
  viewer: 'agent',
  messages: [],
  pending: [],
  peerReadSeq: 0,
  typing: false,
  online: true,
  onRetry: jest.fn(),
  ...over,
})

describe('the WeChat channel in the agent workspace', () => {
  it('badges WeChat conversations only', () => {
    const { rerender } = render(<ChannelBadge channel='wechat' />)
    expect(screen.getByLabelText('微信客服消息会话').textContent).toBe('微信')
    rerender(<ChannelBadge channel='app' />)
    expect(screen.queryByLabelText('微信客服消息会话')).toBeNull()
  })

  it('once the window is closed, offers the fallbacks and copies the ask for the mini-program chat', async () => {
    const endsAt = new Date(Date.now() - 60_000).toISOString()
    render(
      <ReplyWindowBar
        conversation={{
          channel: 'wechat',
          caseNo: 'KF-7Q3M-2H',
          wechatWindow: { endsAt, repliesLeft: 3, open: false, fallback: 'subscribe' },
        }}
      />,
    )
    expect(screen.getByRole('alert').textContent).toContain('微信回复窗口已关闭')
    expect(screen.getByText(/订阅消息/)).toBeTruthy()
    fireEvent.click(screen.getByLabelText('复制'))
    await Promise.resolve()
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: expect.stringContaining('KF-7Q3M-2H') })
  })

  it('marks the shopper’s WeChat messages, shows how replies fared and the ticket a page card points to', () => {
    const onOpenTicket = jest.fn()
    const messages = [
      msg(1, {
        sender: 'shopper',
        text: '我的咨询',
        origin: 'wechat',
        card: { title: '我的咨询', pagePath: 'pages/ticket/detail/index?id=t-1', ticketId: 't-1' },
      }),
      msg(2, { sender: 'agent', senderName: '小艾', text: '您好', delivery: 'expired' }),
    ]
    render(<MessageList {...list({ messages, onOpenTicket })} />)
    expect(screen.getByLabelText('来自微信客服消息')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toBe('未送达：微信回复时限已过')
    fireEvent.click(screen.getByText(/查看工单/))
    expect(onOpenTicket).toHaveBeenCalledWith('t-1')
  })
})
