import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import TicketsPage from '@/pages/tickets/index'
import { useTickets } from '@/features/tickets/tickets.store'
import { fakeApi } from '../support/fake-api'
import { ticketFixture } from '../support/ticket-fixtures'

// This machine is shared and slow; give async queries more than the 1 s default.
configure({ asyncUtilTimeout: 5000 })
jest.setTimeout(20_000)

const page = (ids: string[], nextCursor: string | null, over = {}) => ({
  items: ids.map((id) => ticketFixture({ id, ticketNo: `T${id}`, ...over })),
  nextCursor,
})

beforeEach(() => {
  const empty = { items: [], nextCursor: null, loaded: false, loading: false, error: null }
  useTickets.setState({ group: 'active', lists: { active: { ...empty }, awaiting_me: { ...empty }, done: { ...empty } } })
})

describe('my tickets tab', () => {
  it('lists rows with type, subtype, order, status chip and an overdue mark', async () => {
    const api = fakeApi()
    api.on('GET', '/api/tickets', () => page(['a1'], null, { overdue: true }))
    render(<TicketsPage />)
    expect(await screen.findByText('商品 · 损坏')).toBeInTheDocument()
    expect(screen.getByText('订单 202611201234560001')).toBeInTheDocument()
    expect(screen.getByText('处理中', { selector: '.tk-chip' })).toBeInTheDocument()
    expect(screen.getByText('已超时')).toBeInTheDocument()
    expect(api.calls[0].query).toContain('group=active')
    await act(async () => fireEvent.click(screen.getByText('商品 · 损坏')))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/detail/index?id=a1' })
  })

  it('switches tabs and shows an empty state that leads to help', async () => {
    const api = fakeApi()
    api.on('GET', '/api/tickets', (c) => (c.query.includes('awaiting_me') ? page([], null) : page(['a1'], null)))
    render(<TicketsPage />)
    await screen.findByText('商品 · 损坏')
    await act(async () => fireEvent.click(screen.getByRole('tab', { name: '待我确认' })))
    expect(await screen.findByText('没有需要您确认的工单')).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getByText('去帮助中心')))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/help/index' })
  })

  it('appends the next page by cursor without duplicates', async () => {
    const api = fakeApi()
    api.on('GET', '/api/tickets', (c) => (c.query.includes('cursor=c2') ? page(['a2', 'a3'], null) : page(['a1', 'a2'], 'c2')))
    render(<TicketsPage />)
    await waitFor(() => expect(screen.getAllByText('商品 · 损坏')).toHaveLength(2))
    await act(() => useTickets.getState().loadMore())
    expect(screen.getAllByText('商品 · 损坏')).toHaveLength(3)
    expect(screen.getByText('没有更多了')).toBeInTheDocument()
    expect(api.callsTo('GET', '/api/tickets').map((c) => c.query)).toEqual(['group=active&limit=20', 'group=active&cursor=c2&limit=20'])
  })

  it('shows a retryable error when loading fails', async () => {
    const api = fakeApi()
    let fail = true
    api.on('GET', '/api/tickets', () => (fail ? { status: 500, body: {} } : page(['a1'], null)))
    render(<TicketsPage />)
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeInTheDocument()
    fail = false
    await act(async () => fireEvent.click(screen.getByText('重试')))
    expect(await screen.findByText('商品 · 损坏')).toBeInTheDocument()
  })
})
