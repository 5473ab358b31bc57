import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { TicketForm } from '@/features/tickets/components/ticket-form'
import { DRAFT_STORAGE_KEY, useTicketForm } from '@/features/tickets/ticket-form.store'
import { emptyDraft } from '@/features/tickets/ticket-form.helpers'
import { memoryStorage } from '../support/taro-mock'
import { fakeApi } from '../support/fake-api'
import { typeInto } from '../support/type-into'

// This machine is shared and slow; give async queries more than the 1 s default.
configure({ asyncUtilTimeout: 5000 })
jest.setTimeout(20_000)

const ORDER = {
  orderNo: '202611201234560001',
  status: 'delivered',
  items: [{ sku: 'm1', name: '陶瓷马克杯', quantity: 1, unitPrice: { fen: 3900, yuan: '39.00' } }],
  amount: { fen: 3900, yuan: '39.00' },
  paidAt: '2026-11-20T08:00:00Z',
  logistics: null,
}

function setup() {
  const api = fakeApi()
  api.on('GET', '/api/orders', () => ({ items: [ORDER] }))
  const onCreated = jest.fn()
  render(<TicketForm restored={false} onCreated={onCreated} />)
  return { api, onCreated }
}

beforeEach(() => {
  memoryStorage.clear()
  useTicketForm.setState({ draft: emptyDraft(), touched: [], submitting: false, submitError: null })
})

describe('the restored-draft notice', () => {
  it('is said once, on the step the kept draft reopened at, and not again on later steps', async () => {
    const api = fakeApi()
    api.on('GET', '/api/orders', () => ({ items: [ORDER] }))
    act(() => useTicketForm.getState().update({ serviceType: 'product', subtype: 'damaged', step: 2, description: '杯子把手断了' }))
    render(<TicketForm restored onCreated={jest.fn()} />)
    expect(screen.getByText('已恢复您上次未提交的内容')).toBeInTheDocument()
    await act(async () => useTicketForm.getState().update({ step: 3 }))
    expect(screen.queryByText('已恢复您上次未提交的内容')).toBeNull()
    await act(async () => useTicketForm.getState().update({ step: 2 }))
    expect(screen.queryByText('已恢复您上次未提交的内容')).toBeNull()
  })
})

describe('ticket form steps', () => {
  it('offers the five service types with examples, then the subtypes with what to prepare', async () => {
    setup()
    expect(screen.getAllByRole('radio')).toHaveLength(5)
    expect(screen.getByText('例如：收到的杯子碎了')).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getByLabelText('商品问题')))
    expect(screen.getByText('商品问题 · 具体是？')).toBeInTheDocument()
    expect(screen.getByText('需准备：商品照片 2 张')).toBeInTheDocument()
  })

  it('names every missing field in Chinese before leaving the details step', async () => {
    setup()
    act(() => useTicketForm.getState().update({ serviceType: 'product', subtype: 'damaged', step: 2 }))
    await act(async () => fireEvent.click(screen.getByText('下一步')))
    expect(screen.getByText('请填写订单号')).toBeInTheDocument()
    expect(screen.getByText('请填写商品名称')).toBeInTheDocument()
    expect(screen.getByText('请填写问题描述')).toBeInTheDocument()
    expect(screen.getByText('请选择期望的处理方式')).toBeInTheDocument()
    expect(useTicketForm.getState().draft.step).toBe(2)
  })

  it('fills order, product and date from a picked order and persists the draft as the shopper types', async () => {
    const { api } = setup()
    act(() => useTicketForm.getState().update({ serviceType: 'product', subtype: 'damaged', step: 2 }))
    await waitFor(() => expect(api.calls.map((c) => c.path)).toContain('/api/orders'))
    const order = await screen.findByRole('button', { name: /陶瓷马克杯/ })
    await act(async () => fireEvent.click(order))
    const d = useTicketForm.getState().draft
    expect([d.orderNo, d.productName, d.purchasedAt]).toEqual(['202611201234560001', '陶瓷马克杯', '2026-11-20'])
    await act(async () => typeInto('问题描述', '杯子把手断了，包装盒也压坏了'))
    expect(JSON.parse(memoryStorage.get(DRAFT_STORAGE_KEY) as string).state.draft.description).toBe('杯子把手断了，包装盒也压坏了')
  })

  it('shows only the catalog evidence slot and blocks submit until two photos are uploaded, then submits once', async () => {
    const { api, onCreated } = setup()
    api.on('POST', '/api/tickets', (c) => ({ status: 201, body: { id: 't-1', echo: c.data } }))
    act(() =>
      useTicketForm.getState().update({
        serviceType: 'product',
        subtype: 'damaged',
        step: 3,
        orderNo: ORDER.orderNo,
        productName: '陶瓷马克杯',
        description: '杯子把手断了，包装盒也压坏了',
        outcome: 'exchange',
      }),
    )
    expect(screen.getByText('商品照片')).toBeInTheDocument()
    expect(screen.queryByText('物流信息截图')).toBeNull()
    expect(screen.getByText('还差：商品照片 2 张')).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getByText('提交工单')))
    expect(screen.getByText('请上传商品照片（至少 2 张）')).toBeInTheDocument()
    expect(api.callsTo('POST', '/api/tickets')).toHaveLength(0)

    ;(Taro.chooseMedia as jest.Mock).mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'blob:a', size: 1000 }] })
    await act(async () => fireEvent.click(screen.getByLabelText('上传商品照片')))
    await waitFor(() => expect(screen.getByText('还差：商品照片 1 张')).toBeInTheDocument())
    ;(Taro.chooseMedia as jest.Mock).mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'blob:b', size: 1000 }] })
    await act(async () => fireEvent.click(screen.getByLabelText('上传商品照片')))
    await waitFor(() => expect(screen.getByText('信息已齐全，可以提交')).toBeInTheDocument())

    const key = useTicketForm.getState().draft.idempotencyKey
    await act(async () => {
      fireEvent.click(screen.getByText('提交工单'))
      fireEvent.click(screen.getByText('提交工单'))
    })
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('t-1'))
    const posts = api.callsTo('POST', '/api/tickets')
    expect(posts).toHaveLength(1)
    expect(posts[0].headers['Idempotency-Key']).toBe(key)
    expect((posts[0].data as { attachments: unknown[] }).attachments).toEqual([
      { uploadId: '00000000-0000-4000-8000-000000000001', kind: 'photos' },
      { uploadId: '00000000-0000-4000-8000-000000000002', kind: 'photos' },
    ])
    expect(useTicketForm.getState().draft.idempotencyKey).not.toBe(key)
  })

  it('keeps the draft and its key when the submit fails, so a retry reuses the key', async () => {
    const { api } = setup()
    let attempts = 0
    api.on('POST', '/api/tickets', () => (++attempts === 1 ? { status: 503, body: {} } : { status: 201, body: { id: 't-2' } }))
    act(() =>
      useTicketForm
        .getState()
        .update({ serviceType: 'member', subtype: 'points', step: 3, description: '上个月的积分一直没有到账', outcome: 'points_restore' }),
    )
    await act(async () => fireEvent.click(screen.getByText('提交工单')))
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getByText('提交工单')))
    const keys = api.callsTo('POST', '/api/tickets').map((c) => c.headers['Idempotency-Key'])
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
  })
})
