const { bootWeapp } = require('../support/weapp-harness')

const ticket = (id, over = {}) => ({
  id,
  ticketNo: `T2026112600000${id}`,
  serviceType: 'product',
  subtype: 'damaged',
  orderNo: '202611201234560001',
  description: '杯子把手断了',
  status: 'in_progress',
  overdue: true,
  escalated: false,
  updatedAt: new Date().toISOString(),
  ...over,
})

describe('built mini-program: 我的工单 tab', () => {
  const weapp = bootWeapp()
  const urls = []
  beforeAll(() => {
    // The API as the mini-program reaches it through wx.request.
    global.wx.request = jest.fn((opts) => {
      urls.push(opts.url)
      const reply = (statusCode, data) => {
        setTimeout(() => opts.success({ statusCode, data, header: {}, errMsg: 'request:ok' }), 0)
        return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
      }
      if (opts.url.endsWith('/api/auth/wechat')) {
        return reply(200, { token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u1', role: 'shopper', displayName: '微信用户' } })
      }
      if (opts.url.includes('/api/tickets?group=active')) return reply(200, { items: [ticket('1')], nextCursor: null })
      if (opts.url.includes('/api/tickets?group=awaiting_me')) return reply(200, { items: [], nextCursor: null })
      return reply(404, { error: { code: 'NOT_FOUND', message: 'not found' } })
    })
  })

  it('lists tickets with their status and overdue mark, switches tabs and opens a ticket', async () => {
    const page = await weapp.loadPage('pages/tickets/index')
    await weapp.waitFor(() => page.dom.textContent.includes('商品 · 损坏'), 'no ticket row')
    expect(page.dom.textContent).toContain('订单 202611201234560001')
    expect(page.dom.textContent).toContain('已超时')

    const tabs = page.querySelectorAll('.tk-tab')
    tabs.find((t) => t.dom.textContent === '待我确认').dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => page.dom.textContent.includes('没有需要您确认的工单'), 'no empty state')
    expect(urls.some((u) => u.includes('group=awaiting_me'))).toBe(true)

    page
      .querySelectorAll('.tk-tab')
      .find((t) => t.dom.textContent === '处理中')
      .dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => page.querySelectorAll('.tk-row').length === 1, 'rows did not come back')
    page.querySelectorAll('.tk-row')[0].dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => weapp.calls.some((c) => c.name === 'navigateTo'), 'no navigateTo')
    expect(weapp.calls.find((c) => c.name === 'navigateTo').opts.url).toBe('/pages/ticket/detail/index?id=1')
  })
})
