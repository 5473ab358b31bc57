const { bootWeapp } = require('../support/weapp-harness')

const FAQ = {
  order: [{ id: 'faq-order-a', serviceType: 'order', question: '付款后一直没发货怎么办？', answer: '请提供订单号。', needsEvidence: [] }],
  logistics: [
    {
      id: 'faq-logistics-a',
      serviceType: 'logistics',
      question: '物流一直不更新怎么办？',
      answer: '我们会联系快递公司核实。',
      needsEvidence: [],
    },
  ],
}

/** The API as the built app sees it through wx.request. */
function respond({ url }) {
  if (url.includes('/api/auth/wechat')) {
    return {
      statusCode: 200,
      data: { token: 'tok', expiresAt: '2999-01-01T00:00:00.000Z', user: { id: 'u1', role: 'shopper', displayName: '微信用户' } },
    }
  }
  if (url.includes('/api/help/faq')) {
    const type = /serviceType=(\w+)/.exec(url)?.[1] ?? 'order'
    return { statusCode: 200, data: { items: FAQ[type] ?? [], ranked: false } }
  }
  if (url.includes('/api/tickets')) return { statusCode: 200, data: { items: [{ id: 't1' }], nextCursor: null } }
  return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'not found' } } }
}

const text = (page) => page.dom.textContent

/** Waits until the rendered page shows `needle` (requests and setData are asynchronous). */
async function until(weapp, page, needle) {
  await weapp.waitFor(() => text(page).includes(needle), `page never showed ${needle}`)
  return text(page)
}

/** Taro's serialized node for a class name, from the data the page sent to the view layer. */
function nodeByClass(tree, cls) {
  if (!tree || typeof tree !== 'object') return null
  if (tree.cl === cls) return tree
  for (const child of tree.cn ?? []) {
    const hit = nodeByClass(child, cls)
    if (hit) return hit
  }
  return null
}

describe('built mini-program: help center', () => {
  const weapp = bootWeapp()
  weapp.server.respond = respond

  it('renders the channels and the FAQ from the API, and switches service type on tap', async () => {
    const page = await weapp.loadPage('pages/help/index')
    expect(await until(weapp, page, '1 个处理中')).toContain('您好，有什么可以帮您')
    for (const name of ['在线客服', '微信客服', '电话客服 95188', '邮件咨询', '提交工单', '我的工单']) expect(text(page)).toContain(name)
    expect(await until(weapp, page, '付款后一直没发货怎么办？')).toContain('付款后一直没发货怎么办？')

    const logistics = page.querySelectorAll('.faq__tab').find((t) => t.dom.textContent === '物流')
    logistics.dispatchEvent('tap', { detail: {} })
    await until(weapp, page, '物流一直不更新怎么办？')
    expect(weapp.calls.some((c) => c.name === 'request' && c.opts.url.includes('serviceType=logistics'))).toBe(true)
    expect(text(page)).toContain('物流一直不更新怎么办？')
    expect(text(page)).not.toContain('付款后一直没发货怎么办？')
  })

  it('opens an answer on tap with a ticket prefilled with its service type', async () => {
    const page = await weapp.loadPage('pages/help/index')
    await until(weapp, page, '常见问题')
    page
      .querySelectorAll('.faq__tab')
      .find((t) => t.dom.textContent === '订单')
      .dispatchEvent('tap', { detail: {} })
    await until(weapp, page, '付款后一直没发货')
    const question = page.querySelectorAll('.faq__q').find((q) => q.dom.textContent.includes('付款后一直没发货'))
    question.dispatchEvent('tap', { detail: {} })
    expect(await until(weapp, page, '请提供订单号。')).toContain('请提供订单号。')
    const ticket = page.querySelectorAll('.pill').find((p) => p.dom.textContent === '提交工单')
    ticket.dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => weapp.calls.some((c) => c.name === 'navigateTo'), 'no navigateTo')
    expect(weapp.calls.find((c) => c.name === 'navigateTo')?.opts.url).toBe('/pages/ticket/new/index?serviceType=order')
  })

  it('uses a real contact button for WeChat service and dials the hotline through wx.makePhoneCall', async () => {
    const page = await weapp.loadPage('pages/help/index')
    await until(weapp, page, '微信客服')
    expect(page.querySelector('.channel__button')).toBeTruthy()
    // open-type and session-from are bound from the node data Taro sends to the view.
    const props = Object.values(nodeByClass(page.data.root, 'channel__button'))
    expect(props).toContain('contact')
    // The session names the shopper and the page the chat was opened from.
    expect(props).toContain('sd|uid=u1|page=pages/help/index')
    // A card tapped in WeChat's service chat opens the page it points to (bindcontact).
    const before = weapp.calls.filter((c) => c.name === 'navigateTo').length
    page.querySelector('.channel__button').dispatchEvent('contact', {
      detail: { errMsg: 'enterContact:ok', path: 'pages/ticket/detail/index', query: { id: 't-42' } },
    })
    await weapp.waitFor(() => weapp.calls.filter((c) => c.name === 'navigateTo').length > before, 'no navigateTo after a card tap')
    expect(weapp.calls.filter((c) => c.name === 'navigateTo').at(-1)?.opts.url).toBe('/pages/ticket/detail/index?id=t-42')
    const hotline = page.querySelectorAll('.channel').find((c) => c.dom.textContent.includes('95188'))
    hotline.dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => weapp.calls.some((c) => c.name === 'makePhoneCall'), 'no makePhoneCall')
    expect(weapp.calls.find((c) => c.name === 'makePhoneCall')?.opts.phoneNumber).toBe('95188')
  })
})
