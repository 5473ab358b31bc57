import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ActionCard } from '@/components/message-list'
import { setLocale } from '@/lib/i18n'
import { fakeApi } from '../support/fake-api'
import { typeInto } from '../support/type-into'

// This machine is shared and slow; give async queries more than the 1 s default.
configure({ asyncUtilTimeout: 5000 })
jest.setTimeout(20_000)
afterEach(() => setLocale('zh-CN'))

const order = (orderNo: string, status: string, fen: number, name: string) => ({
  orderNo,
  status,
  items: [{ sku: orderNo, name, quantity: 1, unitPrice: { fen, yuan: (fen / 100).toFixed(2) } }],
  amount: { fen, yuan: (fen / 100).toFixed(2) },
  paidAt: '2026-11-20T08:00:00Z',
  logistics: null,
})

const PAID = order('202611201234560001', 'paid', 3900, '陶瓷马克杯')
const DONE = order('202611101234560002', 'completed', 12900, '蓝牙耳机')

describe('self-service action card', () => {
  it('offers only orders the action fits and confirms once with one idempotency key', async () => {
    const api = fakeApi()
    api.on('GET', '/api/orders', () => ({ items: [PAID, DONE] }))
    api.on('POST', '/api/chat/actions', () => ({ result: { id: 'a1' }, replayed: false }))
    render(<ActionCard kind='cancel_order' />)
    await screen.findByText('陶瓷马克杯')
    expect(screen.queryByText('蓝牙耳机')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '确认办理' }))
    await screen.findByText('已办理')
    fireEvent.click(screen.getByRole('button', { name: '已办理' }))
    const posts = api.callsTo('POST', '/api/chat/actions')
    expect(posts).toHaveLength(1)
    expect(posts[0]!.data).toMatchObject({
      kind: 'cancel_order',
      orderNo: PAID.orderNo,
      idempotencyKey: expect.stringMatching(/^[A-Za-z0-9_-]{8,}$/),
    })
  })

  it('keeps a refund within what was paid and shows the server’s refusal, keeping the key for a retry', async () => {
    const api = fakeApi()
    api.on('GET', '/api/orders', () => ({ items: [DONE] }))
    let attempts = 0
    api.on('POST', '/api/chat/actions', () =>
      ++attempts === 1
        ? { status: 400, body: { error: { code: 'REFUND_TOO_HIGH', message: '退款金额不能超过实付金额' } } }
        : { result: { id: 'a2' }, replayed: false },
    )
    render(<ActionCard kind='request_refund' orderNo={DONE.orderNo} />)
    await screen.findByText('蓝牙耳机')
    const amount = '退款金额（最多 ¥129.00）'
    typeInto(amount, '200')
    fireEvent.click(screen.getByRole('button', { name: '确认办理' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('请输入不超过实付金额的退款金额')
    expect(api.callsTo('POST', '/api/chat/actions')).toHaveLength(0)
    typeInto(amount, '50')
    fireEvent.click(screen.getByRole('radio', { name: '商品损坏' }))
    fireEvent.click(screen.getByRole('button', { name: '确认办理' }))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('退款金额不能超过实付金额'))
    fireEvent.click(screen.getByRole('button', { name: '确认办理' }))
    await screen.findByText('已办理')
    const [first, second] = api.callsTo('POST', '/api/chat/actions')
    expect(first!.data).toMatchObject({ kind: 'request_refund', reason: 'damaged', amountFen: 5000 })
    expect((second!.data as { idempotencyKey: string }).idempotencyKey).toBe((first!.data as { idempotencyKey: string }).idempotencyKey)
  })

  it('says so when no order fits, in English after a switch to it', async () => {
    const api = fakeApi()
    api.on('GET', '/api/orders', () => ({ items: [DONE] }))
    setLocale('en-US')
    render(<ActionCard kind='urge_shipment' />)
    await screen.findByText('No order this applies to')
    expect(screen.queryByRole('button', { name: 'Confirm' })).toBeNull()
  })
})
