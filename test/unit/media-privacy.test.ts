type Answer = { event: 'agree' | 'disagree'; buttonId?: string }
type Listener = (resolve: (a: Answer) => void) => void

/** A fake wx with the privacy APIs; `consent` decides what the shopper answers when asked. */
function fakeWx(opts: { canIUse?: boolean } = {}) {
  let listener: Listener | null = null
  let agreed = false
  const wx = {
    canIUse: jest.fn(() => opts.canIUse ?? true),
    onNeedPrivacyAuthorization: jest.fn((fn: Listener) => {
      listener = fn
    }),
    requirePrivacyAuthorize: jest.fn((o: { success(): void; fail(e: unknown): void }) => {
      if (agreed) return o.success()
      listener!((answer) => {
        agreed = answer.event === 'agree' && answer.buttonId === 'privacy-agree'
        if (agreed) o.success()
        else o.fail({ errMsg: 'requirePrivacyAuthorize:fail privacy permission is not authorized' })
      })
    }),
    openPrivacyContract: jest.fn(),
  }
  ;(globalThis as unknown as { wx: typeof wx }).wx = wx
  return wx
}

let chooseMedia: jest.Mock

/** Loads media.ts and privacy.ts fresh, built as the mini-program (with a fresh Taro mock). */
async function loadWeapp() {
  process.env.TARO_ENV = 'weapp'
  jest.resetModules()
  chooseMedia = ((await import('@tarojs/taro')) as unknown as { chooseMedia: jest.Mock }).chooseMedia
  return { media: await import('@/lib/media'), privacy: await import('@/lib/privacy') }
}

describe('picking photos with WeChat privacy consent', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    if (env === undefined) Reflect.deleteProperty(process.env, 'TARO_ENV')
    else process.env.TARO_ENV = env
    delete (globalThis as { wx?: unknown }).wx
  })

  it('opens the consent sheet first; agreeing lets the pick go on with chooseMedia', async () => {
    const wx = fakeWx()
    const { media, privacy } = await loadWeapp()
    chooseMedia.mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://a.jpg', size: 10 }] })
    const picking = media.pickPhotos({ count: 3 })
    await Promise.resolve()
    expect(privacy.usePrivacy.getState().asking).toBe(true)
    expect(chooseMedia).not.toHaveBeenCalled()
    privacy.agreePrivacy()
    await expect(picking).resolves.toEqual({ status: 'picked', files: [{ path: 'wxfile://a.jpg', size: 10 }] })
    expect(chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 3, mediaType: ['image'], sizeType: ['compressed'] }))
    expect(privacy.usePrivacy.getState()).toEqual({ asking: false, refused: false })
    expect(wx.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)
  })

  it('declining picks nothing and remembers the refusal for the explanation', async () => {
    fakeWx()
    const { media, privacy } = await loadWeapp()
    const picking = media.pickPhotos({ count: 1 })
    await Promise.resolve()
    privacy.refusePrivacy()
    await expect(picking).resolves.toEqual({ status: 'privacy-refused' })
    expect(chooseMedia).not.toHaveBeenCalled()
    expect(privacy.usePrivacy.getState().refused).toBe(true)
  })

  it('on a base library without the privacy API, picks straight away', async () => {
    const wx = fakeWx({ canIUse: false })
    const { media } = await loadWeapp()
    chooseMedia.mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://b.jpg', size: 5 }] })
    await expect(media.pickPhotos({ count: 20 })).resolves.toMatchObject({ status: 'picked' })
    expect(wx.requirePrivacyAuthorize).not.toHaveBeenCalled()
    expect(chooseMedia).toHaveBeenCalledWith(expect.objectContaining({ count: 9 }))
  })

  it('tells a closed picker from a privacy failure of chooseMedia itself', async () => {
    fakeWx({ canIUse: false })
    const { media } = await loadWeapp()
    chooseMedia.mockRejectedValueOnce({ errMsg: 'chooseMedia:fail cancel' })
    await expect(media.pickPhotos({ count: 1 })).resolves.toEqual({ status: 'cancelled' })
    chooseMedia.mockRejectedValueOnce({ errMsg: 'chooseMedia:fail privacy permission is not authorized' })
    await expect(media.pickPhotos({ count: 1 })).resolves.toEqual({ status: 'privacy-refused' })
  })
})
