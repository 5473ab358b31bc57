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
  // WeChat's privacy rules as the base library enforces them: until the user agrees, a privacy API
  // (here chooseMedia, or requirePrivacyAuthorize standing in for one) raises the app's
  // onNeedPrivacyAuthorization listener and waits for its resolve({ event, buttonId }).
  const privacy = { agreed: false, listener: null, agreeButtonTapped: null, openedContract: 0 }
  const PRIVACY_FAIL = { errMsg: 'privacy permission is not authorized', errno: 104 }
  const withPrivacy = (name, go, fail) => {
    if (privacy.agreed) return go()
    if (!privacy.listener) return fail({ ...PRIVACY_FAIL, errMsg: `${name}:fail ${PRIVACY_FAIL.errMsg}` })
    privacy.listener(
      (answer = {}) => {
        // WeChat checks that the agree answer names an agree button the user really tapped.
        if (answer.event === 'agree' && answer.buttonId && answer.buttonId === privacy.agreeButtonTapped) {
          privacy.agreed = true
          go()
        } else fail({ ...PRIVACY_FAIL, errMsg: `${name}:fail ${PRIVACY_FAIL.errMsg}` })
      },
      { referrer: name },
    )
  }
  const callback = (opts, kind, res) => {
    if (typeof opts[kind] === 'function') opts[kind](res)
    if (typeof opts.complete === 'function') opts.complete(res)
  }
  // Like the base library: callbacks when given, else a promise (Taro calls some APIs that way).
  const api = (name, fn) =>
    jest.fn((opts = {}) => {
      calls.push({ name, opts })
      if (['success', 'fail', 'complete'].some((k) => typeof opts[k] === 'function')) {
        fn(
          opts,
          (res) => callback(opts, 'success', res),
          (err) => callback(opts, 'fail', err),
        )
        return undefined
      }
      return new Promise((resolve, reject) => fn(opts, resolve, reject))
    })
  // Tests queue what the photo picker returns; an empty queue is the user closing the picker.
  const media = { next: [] }
  // uploadFile answers like POST /api/uploads unless a test replaces `uploads.respond`.
  const uploads = {
    count: 0,
    respond: () => {
      uploads.count += 1
      const id = `up-${uploads.count}`
      return { statusCode: 201, data: JSON.stringify({ id, url: `/api/uploads/${id}?exp=1&sig=s`, width: 48, height: 48 }) }
    },
  }
  // What requestSubscribeMessage answers per template id ('accept' | 'reject'); accept by default.
  const subscribe = { answer: () => 'accept' }
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
    showToast: record('showToast'),
    hideToast: record('hideToast'),
    showLoading: record('showLoading'),
    hideLoading: record('hideLoading'),
    redirectTo: record('redirectTo'),
    navigateBack: record('navigateBack'),
    reLaunch: record('reLaunch'),
    pageScrollTo: record('pageScrollTo'),
    previewImage: record('previewImage'),
    compressImage: api('compressImage', (opts, ok) => ok({ tempFilePath: opts.src, errMsg: 'compressImage:ok' })),
    onNeedPrivacyAuthorization: jest.fn((listener) => {
      privacy.listener = listener
    }),
    requirePrivacyAuthorize: api('requirePrivacyAuthorize', (opts, ok, fail) =>
      withPrivacy('requirePrivacyAuthorize', () => ok({ errMsg: 'requirePrivacyAuthorize:ok' }), fail),
    ),
    getPrivacySetting: api('getPrivacySetting', (opts, ok) =>
      ok({ needAuthorization: !privacy.agreed, privacyContractName: '《客服中心隐私保护指引》', errMsg: 'getPrivacySetting:ok' }),
    ),
    openPrivacyContract: api('openPrivacyContract', (opts, ok) => {
      privacy.openedContract += 1
      ok({ errMsg: 'openPrivacyContract:ok' })
    }),
    chooseMedia: api('chooseMedia', (opts, ok, fail) =>
      withPrivacy(
        'chooseMedia',
        () => {
          const files = media.next.shift()
          if (!files) return fail({ errMsg: 'chooseMedia:fail cancel' })
          ok({ type: 'image', tempFiles: files.slice(0, opts.count ?? 9), errMsg: 'chooseMedia:ok' })
        },
        fail,
      ),
    ),
    uploadFile: jest.fn((opts = {}) => {
      calls.push({ name: 'uploadFile', opts })
      const progress = []
      setTimeout(() => {
        progress.forEach((fn) => fn({ progress: 100, totalBytesSent: 1, totalBytesExpectedToSend: 1 }))
        callback(opts, 'success', { errMsg: 'uploadFile:ok', ...uploads.respond(opts) })
      }, 0)
      return { onProgressUpdate: (fn) => progress.push(fn), offProgressUpdate() {}, abort() {} }
    }),
    requestSubscribeMessage: api('requestSubscribeMessage', (opts, ok) => {
      const res = { errMsg: 'requestSubscribeMessage:ok' }
      for (const id of opts.tmplIds ?? []) res[id] = subscribe.answer(id)
      ok(res)
    }),
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
  let currentQuery = {}
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
          this.options = { ...currentQuery }
          pageStack.push(this)
          if (this.onLoad) this.onLoad({ ...currentQuery })
          if (this.onShow) this.onShow()
        },
        ready() {
          if (this.onReady) this.onReady()
        },
      },
    })
  }
  return {
    calls,
    server,
    appRef,
    privacy,
    media,
    uploads,
    subscribe,
    storage,
    setRoute: (r) => (currentRoute = r),
    setQuery: (q) => (currentQuery = q),
  }
}

/** Polls `check` until it returns true (up to 15 s, for a loaded CI machine), else fails with `message`. */
async function waitFor(check, message = 'condition not met') {
  const deadline = Date.now() + 15_000
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
    /** WeChat's privacy state: `agreed`, and which agree button the user tapped (`agreeButtonTapped`). */
    privacy: env.privacy,
    /** Queue of photo picks: push an array of { tempFilePath, size } per chooseMedia call. */
    media: env.media,
    uploads: env.uploads,
    subscribe: env.subscribe,
    /** wx storage, for seeding what a previous session left (a draft, a session). */
    storage: env.storage,
    /**
     * Renders one page (e.g. 'pages/help/index', with its query) and waits for React's first
     * commit; `{ empty: true }` for a page that is expected to render nothing (it redirects).
     */
    async loadPage(route, query = {}, { empty = false } = {}) {
      env.setRoute(route)
      env.setQuery(query)
      if (!ids.has(route)) ids.set(route, simulate.load(path.join(DIST, route), 'page', { rootPath: DIST }))
      const page = simulate.render(ids.get(route))
      page.attach(document.createElement('parent-wrapper'))
      // React commits and Taro's setData are asynchronous; wait for the first render, not a fixed time.
      if (!empty) await waitFor(() => page.dom.textContent.trim().length > 0, `${route} rendered nothing`)
      return page
    },
    waitFor,
  }
}

module.exports = { bootWeapp, DIST }
