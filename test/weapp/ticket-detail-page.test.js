const { bootWeapp } = require('../support/weapp-harness')

const NO_ACTIONS = { reply: false, confirm: false, reopen: false, rate: false, editRating: false, escalate: false }

/** A resolved ticket as GET /api/tickets/:id returns it. */
function resolvedTicket(over = {}) {
  return {
    id: 'tk-1',
    ticketNo: 'T20261126000001',
    serviceType: 'product',
    subtype: 'damaged',
    orderNo: '202611201234560001',
    productName: '陶瓷马克杯',
    purchasedAt: '2026-11-20',
    description: '杯子把手断了，包装盒也压坏了',
    outcome: 'exchange',
    contact: {},
    channel: 'app',
    attachments: [],
    status: 'resolved',
    group: 'awaiting_me',
    priority: 'normal',
    escalated: false,
    escalatedAt: null,
    reopenCount: 0,
    resolutionSummary: '已安排换货，新杯子明天发出',
    rating: null,
    createdAt: '2026-11-26T08:00:00Z',
    updatedAt: '2026-11-26T09:00:00Z',
    firstResponseDueAt: '2026-11-27T08:00:00Z',
    resolutionDueAt: '2026-11-29T08:00:00Z',
    firstRespondedAt: '2026-11-26T09:00:00Z',
    resolvedAt: '2026-11-26T10:00:00Z',
    closedAt: null,
    autoCloseAt: '2026-12-03T10:00:00Z',
    slaPaused: false,
    overdue: false,
    actions: { ...NO_ACTIONS, confirm: true, reopen: true },
    timeline: [
      {
        id: 'e1',
        type: 'created',
        actor: { role: 'shopper', name: '我' },
        text: null,
        attachments: [],
        fromStatus: null,
        toStatus: 'submitted',
        internal: false,
        createdAt: '2026-11-26T08:00:00Z',
      },
    ],
    ...over,
  }
}

const text = (page) => page.dom.textContent
const tapText = (page, selector, label) => {
  const el = page.querySelectorAll(selector).find((e) => e.dom.textContent.includes(label))
  if (!el) throw new Error(`no ${selector} with ${label}`)
  el.dispatchEvent('tap', { detail: {} })
}

describe('built mini-program: ticket detail (subpackage pages/ticket)', () => {
  const weapp = bootWeapp()
  const posts = []
  let current = resolvedTicket()
  beforeAll(() => {
    weapp.server.respond = (opts) => {
      if (opts.url.endsWith('/api/auth/wechat')) {
        return {
          statusCode: 200,
          data: { token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u1', role: 'shopper', displayName: '微信用户' } },
        }
      }
      if (opts.method === 'POST' && opts.url.endsWith('/api/tickets/tk-1/reopen')) {
        posts.push({ url: opts.url, data: opts.data })
        current = resolvedTicket({ status: 'in_progress', group: 'active', reopenCount: 1, actions: { ...NO_ACTIONS, reply: true } })
        return { statusCode: 200, data: current }
      }
      if (opts.url.endsWith('/api/tickets/tk-1')) return { statusCode: 200, data: current }
      return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'not found' } } }
    }
  })

  it('shows the resolution with 已解决 / 未解决, and 未解决 reopens the ticket with the reason', async () => {
    const page = await weapp.loadPage('pages/ticket/detail/index', { id: 'tk-1' })
    await weapp.waitFor(() => text(page).includes('已安排换货，新杯子明天发出'), 'no resolution summary')
    expect(text(page)).toContain('商品 · 损坏')
    expect(text(page)).toContain('已解决')
    expect(text(page)).toContain('未解决')

    tapText(page, '.td-btn', '未解决')
    await weapp.waitFor(
      () => page.querySelector('.td-sheet__textarea') !== undefined && page.querySelector('.td-sheet__textarea') !== null,
      'no reason sheet',
    )
    page.querySelector('.td-sheet__textarea').dispatchEvent('input', { detail: { value: '新杯子也有裂纹' } })
    tapText(page, '.td-sheet__submit', '重新处理')
    await weapp.waitFor(() => posts.length === 1, 'no reopen request')
    expect(posts[0].data).toEqual({ reason: '新杯子也有裂纹' })
    await weapp.waitFor(() => weapp.calls.some((c) => c.name === 'showToast' && c.opts.title === '已重新打开'), 'no confirmation toast')
    await weapp.waitFor(() => text(page).includes('补充说明') || text(page).includes('补充信息'), 'the reply action did not appear')
    expect(page.querySelectorAll('.td-btn').map((b) => b.dom.textContent)).not.toContain('未解决')
  })
})
