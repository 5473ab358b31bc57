const { bootWeapp } = require('../support/weapp-harness')

/** The API as the built app sees it through wx.request. */
function respond({ url }) {
  if (url.includes('/api/auth/wechat')) {
    return {
      statusCode: 200,
      data: { token: 'tok', expiresAt: '2999-01-01T00:00:00.000Z', user: { id: 'u1', role: 'shopper', displayName: '微信用户' } },
    }
  }
  if (url.includes('/api/help/faq')) return { statusCode: 200, data: { items: [], ranked: false } }
  if (url.includes('/api/tickets')) return { statusCode: 200, data: { items: [], nextCursor: null } }
  return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'not found' } } }
}

describe('built mini-program: what WeChat’s screen reader is given', () => {
  const weapp = bootWeapp()
  weapp.server.respond = respond

  it('renders roles and names as aria-role / aria-label on the views', async () => {
    const page = await weapp.loadPage('pages/help/index')
    await weapp.waitFor(() => page.dom.textContent.includes('长辈模式'), 'no care-mode switch')
    const channel = page.querySelectorAll('.channel').find((c) => c.dom.textContent.includes('在线客服'))
    expect(channel.dom.getAttribute('aria-role')).toBe('button')
    const sw = page.querySelector('.care-switch')
    expect(sw.dom.getAttribute('aria-role')).toBe('switch')
    expect(sw.dom.getAttribute('aria-label')).toBe('长辈模式')
    expect(sw.dom.getAttribute('aria-checked')).toBe('false')
  })

  it('turns care mode on from the help center, keeps it in storage and applies it to the page root', async () => {
    const page = await weapp.loadPage('pages/help/index')
    await weapp.waitFor(() => page.dom.textContent.includes('长辈模式'), 'no care-mode switch')
    page.querySelector('.care-switch').dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => page.querySelector('.care-switch').dom.getAttribute('aria-checked') === 'true', 'switch stayed off')
    expect(page.querySelector('.care-mode')).toBeTruthy()
    expect(weapp.storage.get('care-mode')).toBe(true)
  })
})
