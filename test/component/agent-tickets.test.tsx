import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { TicketDetail } from '@/features/agent/components/ticket-detail'
import { TicketFilters } from '@/features/agent/components/ticket-filters'
import { TicketsSection } from '@/features/agent/components/tickets-section'
import { useTicketsStore } from '@/features/agent/agent-tickets.store'
import { held, reply, routeRequests, signInAgent, ticketDetail, typeInto } from '../support/agent-fixtures'

const ID = '11111111-1111-4111-8111-111111111111'

describe('ticket actions', () => {
  it('offers only the moves the status machine allows an agent', () => {
    const noop = jest.fn()
    const { rerender } = render(
      <TicketDetail ticket={ticketDetail({ status: 'submitted' })} busy={false} error={null} onReply={noop} onTransition={noop} />,
    )
    expect(screen.getByLabelText('受理')).toBeInTheDocument()
    expect(screen.queryByLabelText('解决并结单')).toBeNull()
    rerender(<TicketDetail ticket={ticketDetail({ status: 'in_progress' })} busy={false} error={null} onReply={noop} onTransition={noop} />)
    expect(screen.getByLabelText('请顾客补充')).toBeInTheDocument()
    expect(screen.getByLabelText('解决并结单')).toBeInTheDocument()
    rerender(<TicketDetail ticket={ticketDetail({ status: 'closed' })} busy={false} error={null} onReply={noop} onTransition={noop} />)
    expect(screen.queryByLabelText('受理')).toBeNull()
    expect(screen.queryByLabelText('回复内容')).toBeNull()
  })

  it('resolves only with a resolution summary', async () => {
    const onTransition = jest.fn(async () => true)
    render(<TicketDetail ticket={ticketDetail()} busy={false} error={null} onReply={jest.fn()} onTransition={onTransition} />)
    await act(async () => fireEvent.click(screen.getByLabelText('解决并结单')))
    expect(onTransition).not.toHaveBeenCalled()
    expect(screen.getByLabelText('确认')).toHaveAttribute('disabled')
    typeInto('解决方案摘要（会通知顾客）', '已全额退款 ¥59，1–3 个工作日到账')
    await act(async () => fireEvent.click(screen.getByLabelText('确认')))
    expect(onTransition).toHaveBeenCalledWith({ to: 'resolved', resolutionSummary: '已全额退款 ¥59，1–3 个工作日到账' })
  })

  it('says where the ticket came from', () => {
    render(
      <TicketDetail ticket={ticketDetail({ channel: 'email' })} busy={false} error={null} onReply={jest.fn()} onTransition={jest.fn()} />,
    )
    const fact = screen.getByText('来源').closest('.tk-fact')!
    expect(fact).toHaveTextContent('来源邮件咨询')
  })

  it('shows the contact masked and reveals one detail only when the agent asks', async () => {
    signInAgent()
    const calls = routeRequests({ [`POST /api/agent/tickets/${ID}/reveal`]: () => ({ field: 'phone', value: '13800138000' }) })
    const t = ticketDetail({ id: ID, contact: { phone: '138****8000', email: 'l***@example.com' } })
    render(<TicketDetail ticket={t} busy={false} error={null} onReply={jest.fn()} onTransition={jest.fn()} />)
    expect(screen.getByText('138****8000')).toBeInTheDocument()
    expect(calls).toHaveLength(0)
    await act(async () => fireEvent.click(screen.getByLabelText('查看完整手机号')))
    await waitFor(() => expect(screen.getByText('13800138000')).toBeInTheDocument())
    expect(calls).toEqual([expect.objectContaining({ method: 'POST', data: { field: 'phone' } })])
    expect(screen.getByText('l***@example.com')).toBeInTheDocument()
  })

  it('shows internal notes apart from replies in the timeline', () => {
    const base = ticketDetail().timeline[0]
    const t = ticketDetail({
      timeline: [
        base,
        { ...base, id: 'e2', type: 'internal_note', internal: true, actor: { role: 'agent', name: '小艾' }, text: '仓库确认破损' },
        { ...base, id: 'e3', type: 'reply', actor: { role: 'agent', name: '小艾' }, text: '已为您申请退款' },
      ],
    })
    render(<TicketDetail ticket={t} busy={false} error={null} onReply={jest.fn()} onTransition={jest.fn()} />)
    expect(screen.getByText('仓库确认破损').closest('.tk-event')).toHaveClass('tk-event--internal')
    expect(screen.getByText('已为您申请退款').closest('.tk-event')).not.toHaveClass('tk-event--internal')
  })

  it('filters by status, type, overdue and escalated', async () => {
    const onChange = jest.fn()
    render(<TicketFilters filter={{ status: 'open' }} onChange={onChange} />)
    expect(screen.getByLabelText('未解决')).toHaveAttribute('aria-checked', 'true')
    await act(async () => fireEvent.click(screen.getByLabelText('物流')))
    await act(async () => fireEvent.click(screen.getByLabelText('已超时')))
    await act(async () => fireEvent.click(screen.getByLabelText('已升级投诉')))
    expect(onChange.mock.calls).toEqual([[{ serviceType: 'logistics' }], [{ overdue: true }], [{ escalated: true }]])
  })
})

describe('tickets section against the agent API', () => {
  beforeEach(() => {
    signInAgent()
    useTicketsStore.setState({ filter: { status: 'open' }, items: [], selectedId: null, detail: null, detailError: null, busy: false })
  })

  it('sends an internal note, then shows the server’s refusal of an illegal move', async () => {
    let detail = ticketDetail()
    const calls = routeRequests({
      'GET /api/agent/tickets': () => ({ items: [detail], nextCursor: null }),
      [`GET /api/agent/tickets/${ID}`]: () => detail,
      [`POST /api/agent/tickets/${ID}/replies`]: ({ data }) => {
        const body = data as { text: string; internal: boolean }
        detail = {
          ...detail,
          timeline: [
            ...detail.timeline,
            { ...detail.timeline[0], id: 'n1', type: 'internal_note', internal: body.internal, text: body.text },
          ],
        }
        return detail
      },
      [`POST /api/agent/tickets/${ID}/transition`]: () =>
        reply(409, { error: { code: 'ILLEGAL_TRANSITION', message: '工单当前状态为已解决，不能执行该操作' } }),
    })
    render(<TicketsSection />)
    const item = await screen.findByRole('button', { name: /T20261126000001/ })
    await act(async () => fireEvent.click(item))
    await screen.findByText('处理记录')
    expect(calls.find((c) => c.path === '/api/agent/tickets')).toBeTruthy()

    await act(async () => fireEvent.click(screen.getByText('内部备注')))
    typeInto('内部备注内容', '已联系仓库核实')
    await act(async () => fireEvent.click(screen.getByLabelText('保存备注')))
    const post = calls.find((c) => c.method === 'POST' && c.path.endsWith('/replies'))
    expect(post?.data).toEqual({ text: '已联系仓库核实', internal: true, attachments: [] })
    await waitFor(() => expect(screen.getByText('已联系仓库核实').closest('.tk-event')).toHaveClass('tk-event--internal'))

    await act(async () => fireEvent.click(screen.getByLabelText('解决并结单')))
    typeInto('解决方案摘要（会通知顾客）', '已退款')
    await act(async () => fireEvent.click(screen.getByLabelText('确认')))
    expect(await screen.findByRole('alert')).toHaveTextContent('工单状态已变化，请刷新后再操作')
  })

  it('asks the API with the filter the agent picked', async () => {
    const calls = routeRequests({
      'GET /api/agent/tickets': () => ({ items: [], nextCursor: null }),
      'GET /api/agent/tickets/changes': ({ url }) => (url.includes('token=') ? held() : { token: '1.1' }),
    })
    const list = () => calls.filter((c) => c.path.endsWith('/api/agent/tickets'))
    render(<TicketsSection />)
    await screen.findByText('没有符合条件的工单')
    await act(async () => fireEvent.click(screen.getByLabelText('支付')))
    await act(async () => fireEvent.click(screen.getByLabelText('已超时')))
    await waitFor(() => expect(list().length).toBe(3))
    expect(list().length).toBe(3)
  })

  it("stays live: a change the server announces (a shopper's 补充说明) reloads the list", async () => {
    let release: () => void = () => undefined
    const calls = routeRequests({
      'GET /api/agent/tickets': () => ({ items: [], nextCursor: null }),
      // The first call hands out a token; the next one is held until a ticket changes.
      'GET /api/agent/tickets/changes': ({ url }) =>
        url.includes('token=1.1')
          ? new Promise((resolve) => (release = () => resolve({ token: '1.2' })))
          : url.includes('token=')
            ? held()
            : { token: '1.1' },
    })
    const list = () => calls.filter((c) => c.path.endsWith('/api/agent/tickets'))
    render(<TicketsSection />)
    await screen.findByText('没有符合条件的工单')
    await waitFor(() => expect(calls.filter((c) => c.path.endsWith('/changes')).length).toBe(2))
    const before = list().length
    await act(async () => release())
    await waitFor(() => expect(list().length).toBe(before + 1))
  })
})
