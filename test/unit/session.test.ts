import { memoryStorage } from '../support/taro-mock'

const session = (n: number, secret: string) => ({
  statusCode: 200,
  data: {
    token: `tok-${n}`,
    expiresAt: '2099-01-01T00:00:00Z',
    user: { id: 'u1', role: 'shopper', displayName: '访客' },
    deviceSecret: secret,
  },
})

let request: jest.Mock

/** A fresh copy of the session module, as after an app restart (storage survives, answers come from `request`). */
function freshSession(): typeof import('@/lib/session') {
  let mod: typeof import('@/lib/session') | undefined
  jest.isolateModules(() => {
    ;(jest.requireActual('@tarojs/taro') as { request: jest.Mock }).request.mockImplementation((...args: unknown[]) => request(...args))
    mod = jest.requireActual<typeof import('@/lib/session')>('@/lib/session')
  })
  return mod!
}

describe('guest sign-in keeps the server-issued device secret', () => {
  beforeEach(() => {
    memoryStorage.clear()
    request = jest.fn()
  })

  it('opens a new guest with no secret, stores the one it gets and sends it next time', async () => {
    request.mockResolvedValueOnce(session(1, 'secret-one-abcdefgh')).mockResolvedValueOnce(session(2, 'secret-two-abcdefgh'))
    await freshSession().ensureSession()
    expect(request.mock.calls[0][0]).toMatchObject({ url: '/api/auth/guest', data: {} })
    expect(memoryStorage.get('sd.device')).toBe('secret-one-abcdefgh')
    memoryStorage.delete('sd.session')
    const again = await freshSession().ensureSession()
    expect(request.mock.calls[1][0]).toMatchObject({ data: { deviceSecret: 'secret-one-abcdefgh' } })
    expect(memoryStorage.get('sd.device')).toBe('secret-two-abcdefgh')
    expect(again).not.toHaveProperty('deviceSecret')
  })

  it('starts over as a new guest when the server no longer knows the secret', async () => {
    memoryStorage.set('sd.device', 'dold-device-id-123')
    request
      .mockResolvedValueOnce({ statusCode: 401, data: { error: { code: 'DEVICE_SECRET_INVALID', message: 'gone' } } })
      .mockResolvedValueOnce(session(3, 'secret-three-abcdefg'))
    const s = await freshSession().ensureSession()
    expect(s.token).toBe('tok-3')
    expect(request.mock.calls.map((c) => c[0].data)).toEqual([{ deviceSecret: 'dold-device-id-123' }, {}])
    expect(memoryStorage.get('sd.device')).toBe('secret-three-abcdefg')
  })

  it('keeps the secret when the sign-in fails for another reason (offline)', async () => {
    memoryStorage.set('sd.device', 'secret-kept-abcdefgh')
    request.mockRejectedValueOnce(new Error('request:fail'))
    await expect(freshSession().ensureSession()).rejects.toThrow()
    expect(memoryStorage.get('sd.device')).toBe('secret-kept-abcdefgh')
  })
})
