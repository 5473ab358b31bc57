import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Composer } from '@/features/chat/components/composer'

/** Types into the real <textarea> that Taro's web component renders (once it has rendered). */
async function typeInto(container: HTMLElement, value: string) {
  const area = await waitFor(() => {
    const el = container.querySelector('textarea')
    if (!el) throw new Error('textarea not rendered yet')
    return el
  })
  await act(async () => {
    fireEvent.input(area, { target: { value } })
  })
}

describe('chat composer', () => {
  it('takes a refused text back into the box to edit it, and sends the edited text', async () => {
    const onSend = jest.fn()
    const { container } = render(
      <Composer onSend={onSend} onImage={jest.fn()} onOrder={jest.fn()} refill={{ text: '这里可以代开发票吗', key: 'm1' }} />,
    )
    const area = await waitFor(() => {
      const el = container.querySelector('textarea')
      if (el?.value !== '这里可以代开发票吗') throw new Error('not refilled yet')
      return el
    })
    expect(area.value).toBe('这里可以代开发票吗')
    await typeInto(container, '请问可以开发票吗')
    await act(async () => fireEvent.click(screen.getByText('发送')))
    expect(onSend).toHaveBeenCalledWith('请问可以开发票吗')
  })

  it('sends typed text and clears the box', async () => {
    const onSend = jest.fn()
    const { container } = render(<Composer onSend={onSend} onImage={jest.fn()} onOrder={jest.fn()} />)
    await typeInto(container, '快递到哪了')
    await act(async () => fireEvent.click(screen.getByText('发送')))
    expect(onSend).toHaveBeenCalledWith('快递到哪了')
    expect(container.querySelector('textarea')!.value).toBe('')
  })

  it('sends with Enter and clears the box, like the send button; Shift+Enter does not send', async () => {
    const onSend = jest.fn()
    const { container } = render(<Composer onSend={onSend} onImage={jest.fn()} onOrder={jest.fn()} />)
    await typeInto(container, '第一行')
    const area = container.querySelector('textarea')!
    await act(async () => fireEvent.keyDown(area, { key: 'Enter', keyCode: 13, shiftKey: true }))
    expect(onSend).not.toHaveBeenCalled()
    await typeInto(container, '快递到哪了')
    const enter = new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true, cancelable: true })
    await act(async () => void area.dispatchEvent(enter))
    expect(onSend).toHaveBeenCalledWith('快递到哪了')
    // The browser would otherwise type the newline back into the emptied box.
    expect(enter.defaultPrevented).toBe(true)
    await waitFor(() => expect(container.querySelector('textarea')!.value).toBe(''))
  })

  it('does not send blank text', async () => {
    const onSend = jest.fn()
    const { container } = render(<Composer onSend={onSend} onImage={jest.fn()} onOrder={jest.fn()} />)
    await typeInto(container, '   ')
    await act(async () => fireEvent.click(screen.getByText('发送')))
    expect(onSend).not.toHaveBeenCalled()
    expect(container.querySelector('.composer__send--off')).not.toBeNull()
  })

  it('shows how close a long message is to the limit', async () => {
    const { container } = render(<Composer onSend={jest.fn()} onImage={jest.fn()} onOrder={jest.fn()} />)
    expect(container.querySelector('.composer__count')).toBeNull()
    await typeInto(container, 'a'.repeat(1600))
    expect(container.querySelector('.composer__count')?.textContent).toBe('1600/2000')
  })

  it('opens the tray for a photo or an order', async () => {
    const onImage = jest.fn()
    const onOrder = jest.fn()
    render(<Composer onSend={jest.fn()} onImage={onImage} onOrder={onOrder} />)
    await act(async () => fireEvent.click(screen.getByLabelText('更多')))
    await act(async () => fireEvent.click(screen.getByText('图片')))
    expect(onImage).toHaveBeenCalled()
    await act(async () => fireEvent.click(screen.getByLabelText('更多')))
    await act(async () => fireEvent.click(screen.getByText('订单')))
    expect(onOrder).toHaveBeenCalled()
  })

  it('tells the agent the shopper is typing, at most every few seconds', async () => {
    const onTyping = jest.fn()
    const { container } = render(<Composer onSend={jest.fn()} onImage={jest.fn()} onOrder={jest.fn()} onTyping={onTyping} />)
    await typeInto(container, '你')
    await typeInto(container, '你好')
    expect(onTyping).toHaveBeenCalledTimes(1)
  })
})
