const { bootWeapp } = require('../support/weapp-harness')

const ORDER = {
  orderNo: '202611201234560001',
  status: 'delivered',
  items: [{ sku: 'MUG-1', name: '陶瓷马克杯', quantity: 1, unitPrice: { fen: 3900, yuan: '39.00' } }],
  amount: { fen: 3900, yuan: '39.00' },
  paidAt: '2026-11-20T02:00:00.000Z',
  logistics: null,
}
const TEMPLATES = [
  { event: 'accepted', templateId: 'tpl-accepted', remaining: 0 },
  { event: 'replied', templateId: 'tpl-replied', remaining: 0 },
  { event: 'resolved', templateId: 'tpl-resolved', remaining: 0 },
]

/** What a shopper left in the form last time: a damaged mug, details done, at the evidence step. */
function savedDraft() {
  return JSON.stringify({
    state: {
      draft: {
        step: 3,
        serviceType: 'product',
        subtype: 'damaged',
        orderNo: ORDER.orderNo,
        productName: '陶瓷马克杯',
        purchasedAt: '',
        description: '收到的马克杯把手断了，外包装也有压痕',
        outcome: 'exchange',
        evidence: {},
        contactEmail: '',
        contactPhone: '',
        idempotencyKey: 'draft-key-1',
        updatedAt: new Date().toISOString(),
      },
    },
    version: 0,
  })
}

const text = (page) => page.dom.textContent
const tapText = (page, selector, label) => {
  const el = page.querySelectorAll(selector).find((e) => e.dom.textContent.includes(label))
  if (!el) throw new Error(`no ${selector} with ${label}`)
  el.dispatchEvent('tap', { detail: {} })
}
const photo = (name) => [{ tempFilePath: `wxfile://tmp/${name}.jpg`, size: 120_000, fileType: 'image' }]

describe('built mini-program: new ticket (subpackage pages/ticket)', () => {
  const weapp = bootWeapp()
  const posts = []
  beforeAll(() => {
    weapp.storage.set('sd.ticket-draft', savedDraft())
    weapp.server.respond = (opts) => {
      if (opts.url.endsWith('/api/auth/wechat')) {
        return {
          statusCode: 200,
          data: { token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u1', role: 'shopper', displayName: '微信用户' } },
        }
      }
      if (opts.url.endsWith('/api/orders')) return { statusCode: 200, data: { items: [ORDER] } }
      if (opts.url.endsWith('/api/subscriptions') && opts.method === 'POST') {
        posts.push({ url: opts.url, data: opts.data })
        return { statusCode: 200, data: { templates: TEMPLATES.map((t) => ({ ...t, remaining: 1 })) } }
      }
      if (opts.url.endsWith('/api/subscriptions')) return { statusCode: 200, data: { templates: TEMPLATES } }
      if (opts.url.endsWith('/api/tickets') && opts.method === 'POST') {
        posts.push({ url: opts.url, data: opts.data, header: opts.header })
        return { statusCode: 201, data: { id: 'tk-1', ticketNo: 'T202611260000001', status: 'submitted' } }
      }
      return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'not found' } } }
    }
  })

  it('asks for privacy consent before the first photo: refusing explains, agreeing lets the pick go on, then submits with a subscribe request', async () => {
    const page = await weapp.loadPage('pages/ticket/new/index')
    await weapp.waitFor(() => text(page).includes('上传凭证'), 'the saved draft did not bring back the evidence step')
    expect(text(page)).not.toContain('隐私保护提示')

    // First tap: WeChat needs consent, the app's own sheet opens; the shopper declines.
    page.querySelector('.tf-thumb--add').dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => text(page).includes('隐私保护提示'), 'no consent sheet')
    expect(text(page)).toContain('《客服中心隐私保护指引》')
    tapText(page, '.privacy__btn', '暂不同意')
    await weapp.waitFor(() => weapp.calls.some((c) => c.name === 'showModal' && c.opts.title === '暂时无法添加照片'), 'no refusal message')
    const refusal = weapp.calls.find((c) => c.opts.title === '暂时无法添加照片').opts
    expect(refusal.content).toContain('其他功能都可以正常使用')
    expect(text(page)).not.toContain('隐私保护提示')
    expect(weapp.calls.filter((c) => c.name === 'uploadFile')).toHaveLength(0)
    // The rest of the form still works after a refusal.
    expect(text(page)).toContain('提交工单')

    // The guideline opens from the sheet; then WeChat's own agree button lets the pick go on.
    weapp.media.next.push(photo('front'))
    page.querySelector('.tf-thumb--add').dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => text(page).includes('隐私保护提示'), 'no consent sheet the second time')
    page.querySelector('.privacy__link').dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => weapp.privacy.openedContract === 1, 'the guideline did not open')
    const agree = page.querySelector('#privacy-agree')
    expect(agree).toBeTruthy()
    weapp.privacy.agreeButtonTapped = 'privacy-agree'
    agree.dispatchEvent('agreeprivacyauthorization', { detail: {} })
    await weapp.waitFor(() => weapp.calls.some((c) => c.name === 'uploadFile'), 'the photo was not uploaded after consent')
    expect(weapp.privacy.agreed).toBe(true)
    const picked = weapp.calls.find((c) => c.name === 'chooseMedia').opts
    expect(picked).toMatchObject({ mediaType: ['image'], sizeType: ['compressed'] })
    await weapp.waitFor(() => text(page).includes('还差：商品照片 1 张'), 'first photo not counted')
    expect(text(page)).not.toContain('隐私保护提示')

    // Consent is remembered: the second photo goes straight to the picker.
    weapp.media.next.push(photo('handle'))
    page.querySelector('.tf-thumb--add').dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => text(page).includes('信息已齐全，可以提交'), 'second photo not counted')
    expect(weapp.calls.filter((c) => c.name === 'uploadFile')).toHaveLength(2)
    expect(weapp.calls.find((c) => c.name === 'uploadFile').opts).toMatchObject({ name: 'file', filePath: 'wxfile://tmp/front.jpg' })

    // Submit: the subscribe request comes first (one tap, all three templates), then the ticket.
    tapText(page, '.tf-btn--primary', '提交工单')
    await weapp.waitFor(() => weapp.calls.some((c) => c.name === 'redirectTo'), 'no redirect to the new ticket')
    const ask = weapp.calls.find((c) => c.name === 'requestSubscribeMessage').opts
    expect(ask.tmplIds).toEqual(['tpl-accepted', 'tpl-replied', 'tpl-resolved'])
    const saved = posts.find((p) => p.url.endsWith('/api/subscriptions'))
    expect(saved.data).toEqual({ templateIds: ['tpl-accepted', 'tpl-replied', 'tpl-resolved'] })
    const created = posts.find((p) => p.url.endsWith('/api/tickets'))
    expect(created.header['Idempotency-Key']).toMatch(/\S{8,}/)
    expect(created.data).toMatchObject({ serviceType: 'product', subtype: 'damaged', orderNo: ORDER.orderNo })
    expect(created.data.attachments).toEqual([
      { uploadId: 'up-1', kind: 'photos' },
      { uploadId: 'up-2', kind: 'photos' },
    ])
    expect(posts.indexOf(saved)).toBeLessThan(posts.indexOf(created))
    expect(weapp.calls.find((c) => c.name === 'redirectTo').opts.url).toBe('/pages/ticket/detail/index?id=tk-1&created=1')
  })
})
