import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HelpPage from '@/pages/help/index'
import { useHelpStore } from '@/features/help/help.store'
import { setSession } from '@/lib/session'
import { initialLocale, setLocale } from '@/lib/i18n'

type Req = { url: string; method?: string; data?: unknown }

/** Answers the page's API calls the way the server does. */
function serve(faq: (url: string) => unknown) {
  ;(Taro.request as jest.Mock).mockImplementation(async ({ url }: Req) => {
    if (url.startsWith('/api/help/faq')) return { statusCode: 200, data: faq(url) }
    if (url.startsWith('/api/tickets')) return { statusCode: 200, data: { items: [{ id: 't1' }, { id: 't2' }], nextCursor: null } }
    return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'nope' } } }
  })
}

const entry = (id: string, serviceType: string, question: string) => ({
  id,
  serviceType,
  question,
  answer: `${question}的答案`,
  needsEvidence: [],
})

beforeEach(() => {
  setSession({ token: 't', expiresAt: '2999-01-01T00:00:00.000Z', user: { id: 'u1', role: 'shopper', displayName: '顾客' } })
  useHelpStore.setState({ category: 'order', byCategory: {}, query: '', results: [], openId: null })
  serve((url) => {
    if (url.includes('q=')) return { items: [entry('faq-logistics-delayed', 'logistics', '物流一直不更新怎么办？')], ranked: true }
    const type = /serviceType=(\w+)/.exec(url)?.[1] ?? 'order'
    return { items: [entry(`faq-${type}-a`, type, `${type} 问题一`)], ranked: false }
  })
})

describe('help center page', () => {
  it('lists every channel and dials the hotline', async () => {
    render(<HelpPage />)
    for (const name of ['在线客服', '微信客服', '电话客服 95188', '邮件咨询', '提交工单', '我的工单']) {
      expect(screen.getAllByText(name).length).toBeGreaterThan(0)
    }
    await act(async () => fireEvent.click(screen.getByText('电话客服 95188')))
    expect(Taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '95188' })
    expect(await screen.findByText('2 个处理中')).toBeInTheDocument()
  })

  it('loads the FAQ of a tapped service type and opens an answer with a way onward', async () => {
    render(<HelpPage />)
    await screen.findByText('order 问题一')
    await act(async () => fireEvent.click(screen.getByText('物流')))
    await act(async () => fireEvent.click(await screen.findByText('logistics 问题一')))
    expect(screen.getByText('logistics 问题一的答案')).toBeInTheDocument()
    await act(async () => fireEvent.click(screen.getAllByText('提交工单').at(-1)!))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/ticket/new/index?serviceType=logistics' })
  })

  it('searches the FAQ as the shopper types', async () => {
    const { container } = render(<HelpPage />)
    const input = await waitFor(() => {
      const el = container.querySelector('.search input')
      if (!el) throw new Error('not rendered')
      return el
    })
    await act(async () => fireEvent.input(input, { target: { value: '快递不动了' } }))
    expect(await screen.findByText('物流一直不更新怎么办？', {}, { timeout: 2000 })).toBeInTheDocument()
    expect(screen.getByText('找到 1 个相关问题')).toBeInTheDocument()
  })

  it('explains WeChat service outside WeChat and offers online chat', async () => {
    render(<HelpPage />)
    await act(async () => fireEvent.click(screen.getByText('微信客服')))
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ confirmText: '在线客服', cancelText: '复制名称' }))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/chat/index' })
  })

  it('files an email question as a ticket with the reply address', async () => {
    const { container } = render(<HelpPage />)
    await act(async () => fireEvent.click(screen.getByText('邮件咨询')))
    const posted: Req[] = []
    const base = (Taro.request as jest.Mock).getMockImplementation()!
    ;(Taro.request as jest.Mock).mockImplementation(async (req: Req) => {
      if (req.method === 'POST') {
        posted.push(req)
        return { statusCode: 201, data: { id: 't9' } }
      }
      return base(req)
    })
    const field = (sel: string) =>
      waitFor(() => {
        const el = container.querySelector(sel)
        if (!el) throw new Error(`${sel} not rendered`)
        return el
      })
    await act(async () => fireEvent.input(await field('.email__address input'), { target: { value: 'me@example.com' } }))
    await act(async () => fireEvent.click(screen.getByText('发送')))
    expect(screen.getByText('请填写 16–20 位订单号')).toBeInTheDocument()
    await act(async () => fireEvent.input(await field('.email__order input'), { target: { value: '202611261234567890' } }))
    await act(async () =>
      fireEvent.input(await field('.email__body textarea'), { target: { value: '付款五天了还没有发货，请帮忙催一下' } }),
    )
    await act(async () => fireEvent.click(screen.getByText('发送')))
    expect(posted).toHaveLength(1)
    expect(posted[0].data).toMatchObject({
      serviceType: 'order',
      subtype: 'not_shipped',
      orderNo: '202611261234567890',
      contact: { email: 'me@example.com' },
      channel: 'email',
    })
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交，请留意邮箱回复' }))
  })
})

describe('language switch', () => {
  afterEach(() => setLocale('zh-CN'))

  it('turns the whole page, its title, the tab bar and the FAQ to English at once, and remembers it', async () => {
    render(<HelpPage />)
    await screen.findByText('order 问题一')
    ;(Taro.request as jest.Mock).mockClear()
    await act(async () => fireEvent.click(screen.getByRole('radio', { name: 'English' })))
    expect(screen.getByText('Hi, how can we help?')).toBeInTheDocument()
    expect(screen.getByRole('radio', { name: 'English' })).toHaveAttribute('aria-checked', 'true')
    expect(Taro.setNavigationBarTitle).toHaveBeenLastCalledWith({ title: 'Help center' })
    expect((Taro.setTabBarItem as jest.Mock).mock.calls.slice(-3).map(([o]) => o)).toEqual([
      { index: 0, text: 'Help' },
      { index: 1, text: 'Chat' },
      { index: 2, text: 'Tickets' },
    ])
    await waitFor(() => expect((Taro.request as jest.Mock).mock.calls.some(([r]) => /\/api\/help\/faq.*lang=en/.test(r.url))).toBe(true))
    const faqCall = (Taro.request as jest.Mock).mock.calls.find(([r]) => r.url.startsWith('/api/help/faq'))!
    expect(faqCall[0].header['Accept-Language']).toBe('en-US')
    expect(initialLocale()).toBe('en-US')
  })
})
