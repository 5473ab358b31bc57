import { act, configure, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import TicketDetailPage from '@/pages/ticket/detail/index'
import TicketsPage from '@/pages/tickets/index'
import { TicketForm } from '@/features/tickets/components/ticket-form'
import { emptyDraft } from '@/features/tickets/ticket-form.helpers'
import { useTicketForm } from '@/features/tickets/ticket-form.store'
import { useTickets } from '@/features/tickets/tickets.store'
import { fakeApi } from '../support/fake-api'
import { memoryStorage } from '../support/taro-mock'
import { setLocale } from '@/lib/i18n'
import { ticketFixture } from '../support/ticket-fixtures'

// This machine is shared and slow; give async queries more than the 1 s default.
configure({ asyncUtilTimeout: 5000 })
jest.setTimeout(20_000)

beforeEach(() => {
  memoryStorage.clear()
  // Chosen in the help center's language switch; the pages render in it without reloading.
  setLocale('en-US')
  const empty = { items: [], nextCursor: null, loaded: false, loading: false, error: null }
  useTickets.setState({ group: 'active', lists: { active: { ...empty }, awaiting_me: { ...empty }, done: { ...empty } } })
  useTicketForm.setState({ draft: emptyDraft(), touched: [], submitting: false, submitError: null })
})

afterAll(() => setLocale('zh-CN'))

describe('ticket pages after switching to English', () => {
  it('lists tickets with English tabs, titles, status and flags', async () => {
    const api = fakeApi()
    api.on('GET', '/api/tickets', (c) =>
      c.query.includes('awaiting_me')
        ? { items: [], nextCursor: null }
        : { items: [ticketFixture({ id: 'a1', overdue: true })], nextCursor: null },
    )
    render(<TicketsPage />)
    expect(await screen.findByText('Product · Damaged')).toBeInTheDocument()
    expect(screen.getByText('Order 202611201234560001')).toBeInTheDocument()
    expect(screen.getByText('In progress', { selector: '.tk-chip' })).toBeInTheDocument()
    expect(screen.getByText('Overdue')).toBeInTheDocument()
    expect(screen.getByText('No more tickets')).toBeInTheDocument()
    expect(screen.queryByText('处理中')).not.toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getByRole('tab', { name: 'Needs me' })))
    expect(await screen.findByText('Nothing needs your reply')).toBeInTheDocument()
    expect(screen.getByText('Help center')).toBeInTheDocument()
  })

  it('walks the first form steps in English with the catalog labels', async () => {
    fakeApi().on('GET', '/api/orders', () => ({ items: [] }))
    render(<TicketForm restored={false} onCreated={jest.fn()} />)
    expect(screen.getByText('What kind of problem is it?')).toBeInTheDocument()
    expect(screen.getByText('Service')).toBeInTheDocument()
    expect(screen.getByText('e.g. The mug I received arrived broken')).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getByRole('radio', { name: 'Product issue' })))
    expect(screen.getByText('Product issue · what exactly?')).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'Damaged' })).toBeInTheDocument()
    expect(screen.getByText('The item arrived broken or does not work')).toBeInTheDocument()
    expect(screen.getByText('Have ready: Product photos ×2')).toBeInTheDocument()
    expect(screen.queryByText(/[\u4e00-\u9fff]/)).not.toBeInTheDocument()
  })

  it('shows the ticket detail header, timeline and actions in English', async () => {
    const id = '11111111-1111-4111-8111-111111111111'
    ;(Taro.useRouter as jest.Mock).mockReturnValue({ params: { id }, path: '' })
    fakeApi().on('GET', `/api/tickets/${id}`, () => ticketFixture())
    render(<TicketDetailPage />)
    expect(await screen.findByText('An agent is working on it; we will tell you as soon as there is news.')).toBeInTheDocument()
    expect(screen.getByText('Product · Damaged')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /T20261126000001/ })).toBeInTheDocument()
    expect(screen.getAllByText('Progress').length).toBeGreaterThan(0)
    expect(screen.getByText('Ticket submitted')).toBeInTheDocument()
    expect(screen.getByText('Contact us')).toBeInTheDocument()
  })
})
