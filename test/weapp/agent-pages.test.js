const { bootWeapp } = require('../support/weapp-harness')

const QUEUED = {
  conversationId: 'c-42',
  serviceType: 'payment',
  position: 1,
  queuedAt: new Date(Date.now() - 3 * 60_000).toISOString(),
  waitSeconds: 180,
  shopper: { id: 's-1', displayName: '顾客 7F3A' },
  handoffReason: 'handoff.request',
  orderNo: null,
  preview: '付款失败了但是钱被扣了，我要转人工',
}
const INBOX = {
  token: 'inbox-1',
  queue: { items: [QUEUED], byServiceType: [{ serviceType: 'payment', count: 1, longestWaitSeconds: 180 }] },
  mine: [],
}

const text = (page) => page.dom.textContent

describe('built mini-program: agent login and workspace (subpackage pages/agent)', () => {
  const weapp = bootWeapp()
  const requests = []
  beforeAll(() => {
    weapp.server.respond = (opts) => {
      requests.push({ url: opts.url, method: opts.method || 'GET', data: opts.data, header: opts.header })
      if (opts.url.endsWith('/api/auth/wechat')) {
        return {
          statusCode: 200,
          data: { token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u1', role: 'shopper', displayName: '微信用户' } },
        }
      }
      if (opts.url.endsWith('/api/auth/agent')) {
        if (opts.data.password !== 'correct-horse-42') {
          return { statusCode: 401, data: { error: { code: 'BAD_CREDENTIALS', message: '用户名或密码不正确' } } }
        }
        return {
          statusCode: 200,
          data: { token: 'agent-token', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'a1', role: 'agent', displayName: '小艾' } },
        }
      }
      // A long poll with a token waits for news; none comes during the test.
      if (opts.url.includes('/api/agent/inbox') && opts.url.includes('token=')) return new Promise(() => undefined)
      if (opts.url.includes('/api/agent/inbox')) return { statusCode: 200, data: INBOX }
      if (opts.url.includes('/api/agent/conversations/c-42/claim')) {
        return { statusCode: 409, data: { error: { code: 'ALREADY_CLAIMED', message: 'Another agent already took this chat.' } } }
      }
      if (opts.url.includes('/api/agent/conversations')) return { statusCode: 200, data: { items: [] } }
      if (opts.url.includes('/api/agent/agents')) return { statusCode: 200, data: { items: [] } }
      return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'not found' } } }
    }
  })

  it('signs an agent in: a wrong password says so, the right one opens the workspace', async () => {
    const page = await weapp.loadPage('pages/agent/login/index')
    await weapp.waitFor(() => text(page).includes('客服工作台'), 'no login form')
    const [user, pass] = page.querySelectorAll('.agent-login__input')
    user.dispatchEvent('input', { detail: { value: 'alice' } })
    pass.dispatchEvent('input', { detail: { value: 'wrong' } })
    await weapp.waitFor(() => page.querySelector('.agent-login__submit') !== null, 'no submit button')
    page.querySelector('.agent-login__submit').dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => text(page).includes('用户名或密码不正确'), 'no error for a wrong password')

    pass.dispatchEvent('input', { detail: { value: 'correct-horse-42' } })
    page.querySelector('.agent-login__submit').dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(
      () =>
        weapp.calls.some(
          (c) => ['redirectTo', 'reLaunch', 'navigateTo'].includes(c.name) && c.opts.url.includes('/pages/agent/workspace/index'),
        ),
      'no way into the workspace',
    )
    const login = requests.filter((r) => r.url.endsWith('/api/auth/agent'))
    expect(login.map((r) => r.data)).toEqual([
      { username: 'alice', password: 'wrong' },
      { username: 'alice', password: 'correct-horse-42' },
    ])
  })

  it('shows the queue with the waiting shopper, and tells the agent when someone else claimed first', async () => {
    const page = await weapp.loadPage('pages/agent/workspace/index')
    await weapp.waitFor(() => text(page).includes('顾客 7F3A'), 'the queued shopper is not listed')
    expect(text(page)).toContain('付款失败了但是钱被扣了')
    const inbox = requests.find((r) => r.url.includes('/api/agent/inbox'))
    expect(inbox.header.Authorization).toBe('Bearer agent-token')

    page.querySelectorAll('.queue__claim')[0].dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => requests.some((r) => r.url.includes('/api/agent/conversations/c-42/claim')), 'no claim request')
    // A 409 means a colleague was faster: the app says so and drops the shopper from the queue.
    await weapp.waitFor(() => text(page).includes('该会话已被其他客服接入'), 'the lost claim was not explained')
    await weapp.waitFor(() => !text(page).includes('顾客 7F3A'), 'the claimed shopper is still queued')
  })
})
