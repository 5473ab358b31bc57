import { fireEvent, render, screen } from '@testing-library/react'
import { MessageList, type MessageListProps, type PendingMessage } from '@/components/message-list'
import { msg } from '../support/chat-fixtures'

const props = (over: Partial<MessageListProps> = {}): MessageListProps => ({
  viewer: 'shopper',
  messages: [],
  pending: [],
  peerReadSeq: 0,
  typing: false,
  online: true,
  onRetry: jest.fn(),
  ...over,
})

const refused: PendingMessage = {
  clientMsgId: 'mblocked1',
  kind: 'text',
  text: '这里可以代开发票吗',
  createdAt: '2026-11-26T02:10:00.000Z',
  state: 'failed',
  error: '这段内容包含不适合发送的信息，请修改后再试。您填写的内容都还在。',
  blocked: true,
}

const image = msg(2, { sender: 'shopper', kind: 'image', text: null, uploadId: 'u-1', imageUrl: '/api/uploads/u-1?exp=1&sig=s' })
const notice = msg(3, {
  sender: 'system',
  kind: 'event',
  text: '您发送的一张图片未通过微信内容安全检查，客服看不到它。您可以换一张重新发送。',
  event: { type: 'image_blocked', uploadId: 'u-1' },
})
const MINE = '这张图片未通过微信内容安全检查，客服看不到它。您可以换一张重新发送。'

describe('a text refused by content security', () => {
  it('shows the reason instead of a retry, and offers to edit the text', () => {
    const onRetry = jest.fn()
    const onEdit = jest.fn()
    const { container } = render(<MessageList {...props({ pending: [refused], onRetry, onEdit })} />)
    expect(screen.getByRole('alert').textContent).toBe(refused.error)
    expect(container.textContent).not.toContain('发送失败，点击重试')
    expect(container.querySelector('.msg--mine .bubble')?.textContent).toBe('这里可以代开发票吗')
    fireEvent.click(screen.getByRole('button', { name: '修改后重发' }))
    expect(onEdit).toHaveBeenCalledWith('mblocked1')
    expect(onRetry).not.toHaveBeenCalled()
  })

  it('keeps the ordinary retry for a message that failed for another reason', () => {
    const onRetry = jest.fn()
    render(<MessageList {...props({ pending: [{ ...refused, blocked: false, error: '网络错误' }], onRetry, onEdit: jest.fn() })} />)
    fireEvent.click(screen.getByRole('button', { name: '发送失败，点击重试' }))
    expect(onRetry).toHaveBeenCalledWith('mblocked1')
  })
})

describe('an image WeChat found risky', () => {
  it('is a marked placeholder on the shopper’s side, with the reason and no broken image', () => {
    const { container } = render(<MessageList {...props({ messages: [msg(1), { ...image, imageBlocked: true }] })} />)
    expect(container.querySelector('.bubble__image')).toBeNull()
    expect(screen.getByRole('img', { name: '图片未通过安全检查' })).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toBe(MINE)
  })

  it('turns an image already on screen into the placeholder when the notice arrives', () => {
    const { container, rerender } = render(<MessageList {...props({ messages: [msg(1), image] })} />)
    expect(container.querySelector('.bubble__image')).not.toBeNull()
    rerender(<MessageList {...props({ messages: [msg(1), image, notice] })} />)
    expect(container.querySelector('.bubble__image')).toBeNull()
    expect(screen.getByRole('alert').textContent).toBe(MINE)
    expect(screen.getByRole('note').textContent).toBe(notice.text)
  })

  it('is a placeholder in the agent workspace, without the shopper’s note', () => {
    const { container } = render(<MessageList {...props({ viewer: 'agent', messages: [{ ...image, imageBlocked: true }] })} />)
    expect(container.querySelector('.bubble__image')).toBeNull()
    expect(screen.getByRole('img', { name: '图片未通过安全检查' })).toBeTruthy()
    expect(container.textContent).not.toContain(MINE)
  })
})
