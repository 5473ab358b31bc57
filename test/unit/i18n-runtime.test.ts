import Taro from '@tarojs/taro'
import { getLocale, initialLocale, matchLocale, onLocaleChange, setLocale, t } from '@/lib/i18n'
import { ApiError, errorMessage, request } from '@/lib/http'
import { setSession } from '@/lib/session'

const requestMock = Taro.request as unknown as jest.Mock

afterEach(() => setLocale('zh-CN'))

describe('language', () => {
  it('maps platform tags to the app locales, Chinese unless English is asked for', () => {
    expect(['zh_CN', 'zh-TW', 'en', 'en-GB', 'en_US', 'fr-FR', '', undefined].map(matchLocale)).toEqual([
      'zh-CN',
      'zh-CN',
      'en-US',
      'en-US',
      'en-US',
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ])
  })

  it('switches at run time, tells listeners and remembers the choice for the next start', () => {
    const heard: string[] = []
    const off = onLocaleChange(() => heard.push(getLocale()))
    expect(t('chat.send')).toBe('发送')
    setLocale('en-US')
    expect(t('chat.send')).toBe('Send')
    expect(heard).toEqual(['en-US'])
    expect(initialLocale()).toBe('en-US')
    off()
  })

  it('formats plurals and params through the catalog', () => {
    setLocale('en-US')
    expect(t('tickets.changedReplies', { n: 2 })).toBe('2 new replies from the agent')
    expect(t('chat.stateQueued', { ahead: 0 })).toBe('In queue · you are next')
  })
})

describe('server errors', () => {
  beforeEach(() => {
    setSession({ token: 'tok', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1' } } as never)
    requestMock.mockReset()
  })

  it('sends the active language with every request', async () => {
    requestMock.mockResolvedValue({ statusCode: 200, data: {} })
    setLocale('en-US')
    await request('/api/anything')
    expect(requestMock.mock.calls[0][0].header['Accept-Language']).toBe('en-US')
  })

  it('shows the catalog text for a code, never the server’s English, and a generic line for unknown codes', async () => {
    requestMock.mockResolvedValue({
      statusCode: 413,
      data: { error: { code: 'FILE_TOO_LARGE', message: 'The image is larger than 10 MB.', params: { maxMb: 10 } } },
    })
    const err = await request('/api/uploads').catch((e: ApiError) => e)
    expect((err as ApiError).message).toBe('图片太大了，请选择 10 MB 以内的图片')
    expect(errorMessage('SOMETHING_NEW')).toBe('操作没有成功，请稍后重试')
  })
})
