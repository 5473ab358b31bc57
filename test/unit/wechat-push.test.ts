import crypto from 'node:crypto'
import { ConfigError, loadConfig } from '../../server/config'
import { isFresh, pushSignature, verifyPushSignature } from '../../server/features/wechat-push/push-signature'

describe('message-push signature', () => {
  it('is the SHA-1 of token, timestamp and nonce sorted as strings', () => {
    const expected = crypto.createHash('sha1').update(['1700000000', 'nonce42', 'tokenABC'].sort().join('')).digest('hex')
    expect(pushSignature('tokenABC', '1700000000', 'nonce42')).toBe(expected)
    expect(verifyPushSignature('tokenABC', { signature: expected, timestamp: '1700000000', nonce: 'nonce42' })).toBe(true)
    expect(verifyPushSignature('tokenABC', { signature: expected.toUpperCase(), timestamp: '1700000000', nonce: 'nonce42' })).toBe(true)
  })

  it('rejects a wrong token, a changed value or missing fields', () => {
    const sig = pushSignature('tokenABC', '1700000000', 'nonce42')
    expect(verifyPushSignature('tokenXYZ', { signature: sig, timestamp: '1700000000', nonce: 'nonce42' })).toBe(false)
    expect(verifyPushSignature('tokenABC', { signature: sig, timestamp: '1700000001', nonce: 'nonce42' })).toBe(false)
    expect(verifyPushSignature('tokenABC', { signature: 'short', timestamp: '1700000000', nonce: 'nonce42' })).toBe(false)
    expect(verifyPushSignature('tokenABC', { timestamp: '1700000000', nonce: 'nonce42' })).toBe(false)
  })

  it('accepts timestamps within five minutes either way', () => {
    const now = 1_700_000_000_000
    expect(isFresh('1700000000', now)).toBe(true)
    expect(isFresh('1699999700', now)).toBe(true)
    expect(isFresh('1699999699', now)).toBe(false)
    expect(isFresh('1700000301', now)).toBe(false)
    expect(isFresh('17e8', now)).toBe(false)
    expect(isFresh(undefined, now)).toBe(false)
  })
})

// TARO_ENV is declared as always present for the app's build; the server never reads it.
const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv

describe('PUBLIC_BASE_URL and WECHAT_PUSH_TOKEN settings', () => {
  it('keeps an origin with an optional path, without a trailing slash', () => {
    expect(loadConfig(env({ PUBLIC_BASE_URL: 'https://api.example.com/' })).publicBaseUrl).toBe('https://api.example.com')
    expect(loadConfig(env({ PUBLIC_BASE_URL: 'https://example.com/desk/' })).publicBaseUrl).toBe('https://example.com/desk')
    expect(loadConfig(env({})).publicBaseUrl).toBeNull()
  })

  it('stops at start on a value it cannot use, naming the variable', () => {
    for (const bad of ['api.example.com', 'ftp://example.com', 'https://example.com/?x=1'])
      expect(() => loadConfig(env({ PUBLIC_BASE_URL: bad }))).toThrow(/PUBLIC_BASE_URL/)
    expect(() => loadConfig(env({ WECHAT_PUSH_TOKEN: 'has space' }))).toThrow(ConfigError)
    expect(loadConfig(env({ WECHAT_PUSH_TOKEN: 'pushToken2026' })).wechatPushToken).toBe('pushToken2026')
  })
})
