/**
 * Loads pages of the BUILT mini-program (dist/weapp) into miniprogram-simulate.
 * simulate implements Component() only; Taro pages call Page(), so Page() is mapped onto
 * Component() with the page lifecycle driven from attached/ready. wx.* is a small fake
 * whose calls tests can inspect.
 */
const path = require('node:path')
const fs = require('node:fs')
const simulate = require('miniprogram-simulate')

const DIST = path.resolve(__dirname, '../../dist/weapp')

function installGlobals() {
  const calls = []
  const record = (name) =>
    jest.fn((opts = {}) => {
      calls.push({ name, opts })
      if (typeof opts.success === 'function') opts.success({ errMsg: `${name}:ok` })
      if (typeof opts.complete === 'function') opts.complete({ errMsg: `${name}:ok` })
    })
  // Tests script the server: respond(opts) → { statusCode, data } for wx.request, or a promise
  // of it to hold the request open (a long poll) until the test settles it.
  const server = { respond: () => ({ statusCode: 404, data: { error: { code: 'NOT_FOUND', message: 'not found' } } }) }
  const storage = new Map()
  const systemInfo = {
    platform: 'devtools',
    pixelRatio: 2,
    windowWidth: 375,
    windowHeight: 812,
    screenWidth: 375,
    screenHeight: 812,
    statusBarHeight: 44,
    SDKVersion: '3.6.0',
    safeArea: { top: 44, bottom: 778, left: 0, right: 375, width: 375, height: 734 },
  }
  global.wx = {
    getSystemInfoSync: () => systemInfo,
    getWindowInfo: () => systemInfo,
    getDeviceInfo: () => systemInfo,
    getAppBaseInfo: () => systemInfo,
    getSystemSetting: () => ({}),
    getAppAuthorizeSetting: () => ({}),
    canIUse: () => true,
    nextTick: (fn) => setTimeout(fn, 0),
    getStorageSync: (k) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k, v) => storage.set(k, v),
    removeStorageSync: (k) => storage.delete(k),
    login: record('login'),
    request: jest.fn((opts = {}) => {
      calls.push({ name: 'request', opts })
      let aborted = false
      Promise.resolve(server.respond(opts)).then((reply) => {
        const res = { errMsg: 'request:ok', header: {}, ...reply }
        setTimeout(() => {
          if (aborted) return
          if (typeof opts.success === 'function') opts.success(res)
          if (typeof opts.complete === 'function') opts.complete(res)
        }, 0)
      })
      return {
        abort() {
          aborted = true
        },
      }
    }),
    showModal: record('showModal'),
    setClipboardData: record('setClipboardData'),
    navigateTo: record('navigateTo'),
    switchTab: record('switchTab'),
    makePhoneCall: record('makePhoneCall'),
    setTabBarBadge: record('setTabBarBadge'),
    removeTabBarBadge: record('removeTabBarBadge'),
    onNetworkStatusChange: jest.fn(),
    offNetworkStatusChange: jest.fn(),
  }
  const appRef = {}
  const pageStack = []
  let currentRoute = ''
  global.App = (cfg) => Object.assign(appRef, cfg)
  global.getApp = () => appRef
  global.getCurrentPages = () => pageStack
  global.requirePlugin = () => ({})
  const simulateComponent = global.Component
  global.Page = (cfg) => {
    const methods = {}
    for (const k of Object.keys(cfg)) if (typeof cfg[k] === 'function') methods[k] = cfg[k]
    simulateComponent({
      data: cfg.data || {},
      methods,
      lifetimes: {
        attached() {
          this.route = this.__route__ = currentRoute
          this.options = {}
          pageStack.push(this)
          if (this.onLoad) this.onLoad({})
          if (this.onShow) this.onShow()
        },
        ready() {
          if (this.onReady) this.onReady()
        },
      },
    })
  }
  return { calls, server, appRef, setRoute: (r) => (currentRoute = r) }
}

/** Polls `check` until it returns true (up to 5 s, for a loaded CI machine), else fails with `message`. */
async function waitFor(check, message = 'condition not met') {
  const deadline = Date.now() + 5000
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`waitFor timed out: ${message}`)
    await simulate.sleep(20)
  }
}

/** Boots the built app once per test file and returns a page loader. */
function bootWeapp() {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error('dist/weapp is missing: run `npm run build:weapp` first')
  }
  const env = installGlobals()
  require(path.join(DIST, 'app.js'))
  env.appRef.onLaunch({ path: 'pages/help/index', query: {} })
  // A page's JS registers its Page() once per test file, so load each route once and reuse its id.
  const ids = new Map()
  return {
    calls: env.calls,
    /** Replace to answer wx.request like the API would. */
    server: env.server,
    /** Renders one page (e.g. 'pages/help/index') and waits for React's first commit. */
    async loadPage(route) {
      env.setRoute(route)
      if (!ids.has(route)) ids.set(route, simulate.load(path.join(DIST, route), 'page', { rootPath: DIST }))
      const page = simulate.render(ids.get(route))
      page.attach(document.createElement('parent-wrapper'))
      // React commits and Taro's setData are asynchronous; wait for the first render, not a fixed time.
      await waitFor(() => page.dom.textContent.trim().length > 0, `${route} rendered nothing`)
      return page
    },
    sleep: simulate.sleep,
    waitFor,
  }
}

module.exports = { bootWeapp, DIST }
