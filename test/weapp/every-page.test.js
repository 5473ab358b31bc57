const fs = require('node:fs')
const path = require('node:path')
const { bootWeapp, DIST } = require('../support/weapp-harness')

/** Every page app.json declares, main package and subpackages, as WeChat would register them. */
function declaredPages() {
  const app = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
  return [...app.pages, ...(app.subPackages || []).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
}

describe('built mini-program: every page of app.json', () => {
  const weapp = bootWeapp()
  beforeAll(() => {
    weapp.server.respond = (opts) =>
      opts.url.endsWith('/api/auth/wechat')
        ? {
            statusCode: 200,
            data: { token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u1', role: 'shopper', displayName: '微信用户' } },
          }
        : { statusCode: 503, data: { error: { code: 'UNAVAILABLE', message: '服务暂时不可用' } } }
  })

  it('declares the three tabs and four subpackage pages', () => {
    expect(declaredPages()).toHaveLength(7)
  })

  const workspace = 'pages/agent/workspace/index'
  it.each(declaredPages().filter((r) => r !== workspace))(
    '%s loads from dist/weapp and renders even while the API is down',
    async (route) => {
      const page = await weapp.loadPage(route, route.endsWith('detail/index') ? { id: 'tk-1' } : {})
      expect(page.dom.textContent.trim().length).toBeGreaterThan(0)
    },
  )

  it(`${workspace} loads and, with no agent signed in, sends the visitor to the agent login`, async () => {
    await weapp.loadPage(workspace, {}, { empty: true })
    await weapp.waitFor(
      () => weapp.calls.some((c) => c.name === 'redirectTo' && c.opts.url.startsWith('/pages/agent/login/index')),
      'no redirect',
    )
  })
})
