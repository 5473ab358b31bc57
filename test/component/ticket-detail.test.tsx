import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import TicketDetailPage from '@/pages/ticket/detail/index'
import { fakeApi } from '../support/fake-api'
import { typeInto } from '../support/type-into'
import { ticketFixture } from '../support/ticket-fixtures'

// This machine is shared and slow; give async queries more than the 1 s default.
configure({ asyncUtilTimeout: 5000 })
jest.setTimeout(20_000)

const ID = '11111111-1111-4111-8111-111111111111'
const BASE = `/api/tickets/${ID}`
const reply = (id: string, text: string, attachments: { uploadId: string; kind: 'other'; url: string }[] = []) => ({
  id,
  type: 'reply' as const,
  actor: { role: 'agent' as const, name: '小艾' },
  text,
  attachments,
  fromStatus: null,
  toStatus: null,
  internal: false,
  createdAt: '2026-11-26T09:30:00Z',
})
beforeEach(() => {
  ;(Taro.useRouter as jest.Mock).mockReturnValue({ params: { id: ID }, path: '' })
})

describe('ticket detail', () => {
  it('explains the status, copies the ticket number and shows agent replies with previewable attachments', async () => {
    const api = fakeApi()
    const file = { uploadId: 'f1', kind: 'other' as const, url: '/api/uploads/f1?exp=1&sig=s' }
    api.on('GET', BASE, () => ticketFixture({ timeline: [...ticketFixture().timeline, reply('e2', '请提供外包装照片', [file])] }))
    render(<TicketDetailPage />)
    expect(await screen.findByText('客服正在处理您的问题，有进展会第一时间告诉您。')).toBeInTheDocument()
    expect(screen.getByText('小艾 回复')).toBeInTheDocument()
    expect(screen.getByText('请提供外包装照片')).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /T20261126000001/ })))
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'T20261126000001' })
    const target = await screen.findByLabelText('查看附件 1')
    await act(async () => fireEvent.click(target))
    await waitFor(() => expect(Taro.previewImage).toHaveBeenCalledWith({ current: file.url, urls: [file.url] }))
  })

  it('confirms a resolved ticket, rates it 2 stars and is then offered 投诉', async () => {
    const api = fakeApi()
    const resolved = ticketFixture({
      status: 'resolved',
      resolutionSummary: '已为您补发',
      actions: { ...ticketFixture().actions, confirm: true, reopen: true, rate: true },
    })
    const closed = ticketFixture({ status: 'closed', actions: { ...ticketFixture().actions, rate: true } })
    api.on('GET', BASE, () => resolved)
    api.on('POST', `${BASE}/confirm`, () => closed)
    api.on('POST', `${BASE}/rating`, (c) =>
      ticketFixture({
        status: 'closed',
        rating: {
          score: (c.data as { score: number }).score,
          comment: null,
          tags: [],
          ratedAt: '2026-11-26T10:00:00Z',
          updatedAt: '2026-11-26T10:00:00Z',
          editableUntil: '2026-11-27T10:00:00Z',
        },
        actions: { ...ticketFixture().actions, editRating: true, escalate: true },
      }),
    )
    api.on('POST', `${BASE}/escalate`, () => ticketFixture({ status: 'closed', escalated: true }))
    render(<TicketDetailPage />)
    await screen.findByText('已为您补发')
    const target = await screen.findByText('已解决', { selector: 'taro-button-core' })
    await act(async () => fireEvent.click(target))
    expect(Taro.showModal).toHaveBeenCalled()
    expect(api.callsTo('POST', `${BASE}/confirm`)).toHaveLength(1)
    expect(await screen.findByText('评价本次服务')).toBeInTheDocument()
    const stars = screen.getAllByRole('radio')
    expect(stars.map((s) => s.getAttribute('aria-label'))).toEqual(['1 星', '2 星', '3 星', '4 星', '5 星'])
    await act(async () => fireEvent.click(screen.getByRole('radio', { name: '2 星' })))
    expect(screen.getByRole('radio', { name: '2 星' })).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByText('不满意')).toBeInTheDocument()
    expect(screen.getByText('响应慢')).toBeInTheDocument()
    expect(screen.queryByText('响应快')).toBeNull()
    await act(async () => fireEvent.click(screen.getByText('响应慢')))
    await act(async () => fireEvent.click(screen.getByText('提交评价')))
    expect(api.callsTo('POST', `${BASE}/rating`)[0].data).toEqual({ score: 2, tags: ['slow'] })
    expect(await screen.findByText('您对处理结果不满意，可以投诉，主管将优先跟进。')).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getByText('投诉', { selector: '.td-escalate__go' })))
    await act(async () => fireEvent.click(screen.getByText('提交投诉')))
    expect(screen.getByText('请填写投诉原因（至少 2 个字）')).toBeInTheDocument()
    await act(async () => typeInto('投诉原因', '补发的杯子还是坏的'))
    await act(async () => fireEvent.click(screen.getByText('提交投诉')))
    expect(api.callsTo('POST', `${BASE}/escalate`)[0].data).toEqual({ reason: '补发的杯子还是坏的' })
    expect(await screen.findByText('已投诉')).toBeInTheDocument()
  })

  it('sends a supplement while waiting for the shopper', async () => {
    const api = fakeApi()
    api.on('GET', BASE, () =>
      ticketFixture({ status: 'awaiting_customer', slaPaused: true, actions: { ...ticketFixture().actions, reply: true } }),
    )
    api.on('POST', `${BASE}/replies`, () => ticketFixture())
    render(<TicketDetailPage />)
    expect(await screen.findByText('等待您补充，时限暂停')).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getByText('补充说明', { selector: 'taro-button-core' })))
    await screen.findByLabelText('补充说明内容')
    await act(async () => typeInto('补充说明内容', '外包装照片已补充'))
    await act(async () => fireEvent.click(screen.getByText('发送补充说明')))
    await waitFor(() =>
      expect(api.callsTo('POST', `${BASE}/replies`).map((c) => c.data)).toEqual([{ text: '外包装照片已补充', attachments: [] }]),
    )
  })

  it('reopens a resolved ticket only with a reason', async () => {
    const api = fakeApi()
    api.on('GET', BASE, () => ticketFixture({ status: 'resolved', actions: { ...ticketFixture().actions, confirm: true, reopen: true } }))
    api.on('POST', `${BASE}/reopen`, () => ticketFixture({ reopenCount: 1 }))
    render(<TicketDetailPage />)
    const target = await screen.findByText('未解决', { selector: 'taro-button-core' })
    await act(async () => fireEvent.click(target))
    await screen.findByLabelText('未解决原因')
    await act(async () => fireEvent.click(screen.getByText('重新处理')))
    expect(screen.getByText('请填写未解决原因（至少 2 个字）')).toBeInTheDocument()
    expect(api.callsTo('POST', `${BASE}/reopen`)).toHaveLength(0)
    await act(async () => typeInto('未解决原因', '换货后仍然有破损'))
    await act(async () => fireEvent.click(screen.getByText('重新处理')))
    await waitFor(() => expect(api.callsTo('POST', `${BASE}/reopen`).map((c) => c.data)).toEqual([{ reason: '换货后仍然有破损' }]))
    expect(await screen.findByText('客服正在处理您的问题，有进展会第一时间告诉您。')).toBeInTheDocument()
  })

  it('polls while visible and says what changed', async () => {
    jest.useFakeTimers()
    try {
      const api = fakeApi()
      let current = ticketFixture()
      api.on('GET', BASE, () => current)
      render(<TicketDetailPage />)
      await act(async () => {
        await jest.advanceTimersByTimeAsync(10)
      })
      expect(screen.getByText('提交工单')).toBeInTheDocument()
      current = ticketFixture({ status: 'resolved', timeline: [...current.timeline, reply('e9', '已为您安排补发')] })
      await act(async () => {
        await jest.advanceTimersByTimeAsync(15_000)
      })
      expect(screen.getByText('状态：处理中 → 已解决；客服有 1 条新回复')).toBeInTheDocument()
      expect(screen.getByText('已为您安排补发')).toBeInTheDocument()
    } finally {
      jest.useRealTimers()
    }
  })
})
