const fs = require('node:fs')
const path = require('node:path')
const { bootWeapp } = require('../support/weapp-harness')

const BASE_WXML = fs.readFileSync(path.resolve(__dirname, '../../dist/weapp/base.wxml'), 'utf8')

/** The data keys base.wxml binds to a WXML attribute on <view> (Taro shortens prop names to p0, p1…). */
function viewKeysFor(attr) {
  return [...BASE_WXML.matchAll(new RegExp(`<view [^>]*${attr}="\\{\\{i\\.(\\w+)\\}\\}"`, 'g'))].map((m) => m[1])
}

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

/** Taro's serialized node whose class list holds `cls`, from the data the page sent to the view layer. */
function nodeWithClass(tree, cls) {
  if (!tree || typeof tree !== 'object') return null
  if (typeof tree.cl === 'string' && tree.cl.split(/\s+/).includes(cls)) return tree
  for (const child of tree.cn ?? []) {
    const hit = nodeWithClass(child, cls)
    if (hit) return hit
  }
  return null
}

/** What the view layer renders for one WXML attribute of a node. */
const attr = (node, name) =>
  viewKeysFor(name)
    .map((k) => node?.[k])
    .find((v) => v !== undefined && v !== '')

describe('built mini-program: what WeChat’s screen reader is given', () => {
  const weapp = bootWeapp()
  weapp.server.respond = respond

  it('binds aria-role, aria-label and aria-checked on views to the roles and names the app sets', async () => {
    expect(viewKeysFor('aria-role').length).toBeGreaterThan(0)
    const page = await weapp.loadPage('pages/help/index')
    await weapp.waitFor(() => nodeWithClass(page.data.root, 'care-switch'), 'no care-mode switch')
    const sw = nodeWithClass(page.data.root, 'care-switch')
    expect(attr(sw, 'aria-role')).toBe('switch')
    expect(attr(sw, 'aria-label')).toBe('长辈模式')
    expect(attr(sw, 'aria-checked')).toBe(false)
    expect(attr(nodeWithClass(page.data.root, 'channel'), 'aria-role')).toBe('button')
  })

  it('turns care mode on from the help center, keeps it in storage and applies it to the page root', async () => {
    const page = await weapp.loadPage('pages/help/index')
    await weapp.waitFor(() => page.querySelector('.care-switch'), 'no care-mode switch')
    expect(nodeWithClass(page.data.root, 'care-mode')).toBeNull()
    page.querySelector('.care-switch').dispatchEvent('tap', { detail: {} })
    await weapp.waitFor(() => nodeWithClass(page.data.root, 'care-mode'), 'page root never got care-mode')
    expect(attr(nodeWithClass(page.data.root, 'care-switch'), 'aria-checked')).toBe(true)
    expect(weapp.storage.get('care-mode')).toBe(true)
  })
})
