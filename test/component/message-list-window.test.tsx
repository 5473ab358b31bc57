import { act, fireEvent, render, screen } from '@testing-library/react'
import { MessageList, type MessageListProps } from '@/components/message-list'
import { REVEAL_ROWS, WINDOW_MAX_ROWS, WINDOW_ROWS } from '@/components/message-list/message-list.window'
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

/** `count` messages a minute apart (one time line per five minutes), newest last. */
const chat = (count: number, from = 1) =>
  Array.from({ length: count }, (_, i) => {
    const seq = from + i
    return msg(seq, { sender: seq % 3 === 0 ? 'shopper' : 'bot', createdAt: new Date(Date.UTC(2026, 10, 1) + seq * 60_000).toISOString() })
  })

const bubbles = (root: Element) => Array.from(root.querySelectorAll('.bubble')).map((e) => e.textContent)

// Thousands of rows through jsdom take a while on a loaded machine.
jest.setTimeout(60_000)

// jsdom lays nothing out, so every scroll box would count as scrolled to its end; give the list a
// tall content and a phone-sized viewport so "at the bottom" means what it does on a phone.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: () => 20_000 })
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 600 })
})

describe('message list with a long conversation', () => {
  it('draws only a window of the newest messages out of 5,000, the last one at the bottom', () => {
    const { container } = render(<MessageList {...props({ messages: chat(5000) })} />)
    const shown = bubbles(container)
    expect(shown.length).toBeGreaterThan(0)
    expect(shown.length).toBeLessThanOrEqual(WINDOW_ROWS)
    expect(shown[shown.length - 1]).toBe('m5000')
    expect(container.querySelectorAll('.msg').length).toBeLessThanOrEqual(WINDOW_ROWS)
  })

  it('draws the same number of rows for a short chat as it holds', () => {
    const { container } = render(<MessageList {...props({ messages: chat(12) })} />)
    expect(bubbles(container)).toHaveLength(12)
  })

  it('keeps the drawn rows when a message arrives, and stays bounded while messages keep arriving', () => {
    const history = chat(5000)
    const { container, rerender } = render(<MessageList {...props({ messages: history })} />)
    const first = bubbles(container)[0]
    rerender(<MessageList {...props({ messages: [...history, ...chat(1, 5001)] })} />)
    expect(bubbles(container)[0]).toBe(first)
    expect(bubbles(container).slice(-1)).toEqual(['m5001'])
    let messages = [...history, ...chat(1, 5001)]
    for (let seq = 5002; seq < 5002 + WINDOW_MAX_ROWS - WINDOW_ROWS + 5; seq++) {
      messages = [...messages, ...chat(1, seq)]
      rerender(<MessageList {...props({ messages })} />)
    }
    expect(container.querySelectorAll('.msg').length).toBeLessThanOrEqual(WINDOW_MAX_ROWS)
    expect(bubbles(container).slice(-1)).toEqual([`m${messages.length}`])
  })

  it('reveals earlier messages already loaded before asking the server for more', async () => {
    const onLoadOlder = jest.fn(() => Promise.resolve())
    const { container } = render(<MessageList {...props({ messages: chat(5000), hasOlder: true, onLoadOlder })} />)
    const before = bubbles(container)
    await act(async () => fireEvent.click(screen.getByText('查看更早的消息')))
    const after = bubbles(container)
    expect(onLoadOlder).not.toHaveBeenCalled()
    expect(after.length).toBeGreaterThan(before.length)
    expect(after.length).toBeLessThanOrEqual(before.length + REVEAL_ROWS)
    // The rows that were drawn stay, in order, after the revealed ones.
    expect(after.slice(-before.length)).toEqual(before)
  })

  it('reaches the first message by scrolling up, then pages in older history from the server', async () => {
    let messages = chat(100, 101)
    const onLoadOlder = jest.fn(async () => {
      messages = [...chat(100, 1), ...messages]
    })
    const view = render(<MessageList {...props({ messages, hasOlder: true, onLoadOlder })} />)
    for (let i = 0; i < 10 && !onLoadOlder.mock.calls.length; i++) {
      await act(async () => fireEvent.click(screen.getByText('查看更早的消息')))
    }
    expect(onLoadOlder).toHaveBeenCalledTimes(1)
    expect(bubbles(view.container)[0]).toBe('m101')
    view.rerender(<MessageList {...props({ messages, hasOlder: false, onLoadOlder })} />)
    const shown = bubbles(view.container)
    expect(shown).toContain('m100')
    expect(shown[shown.length - 1]).toBe('m200')
    expect(shown.indexOf('m100')).toBe(shown.indexOf('m101') - 1)
  })
})
