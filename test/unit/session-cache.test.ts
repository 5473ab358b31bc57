import { SessionCache } from '../../server/features/auth/session-cache'

const user = (id: string) => ({ id, role: 'shopper' as const, displayName: `顾客${id}` })

describe('SessionCache', () => {
  it('forgets an entry after its lifetime or at the session expiry, whichever is first', () => {
    const cache = new SessionCache(1000)
    cache.set('a', user('1'), 10_000, 0)
    cache.set('b', user('2'), 500, 0)
    expect(cache.get('a', 999)).toEqual(user('1'))
    expect(cache.get('a', 1000)).toBeUndefined()
    expect(cache.get('b', 499)).toEqual(user('2'))
    expect(cache.get('b', 500)).toBeUndefined()
  })

  it('stores nothing when turned off', () => {
    const cache = new SessionCache(0)
    cache.set('a', user('1'), 10_000, 0)
    expect(cache.get('a', 1)).toBeUndefined()
    expect(cache.enabled).toBe(false)
  })

  it('drops the oldest entry when full', () => {
    const cache = new SessionCache(1000, 2)
    cache.set('a', user('1'), 10_000, 0)
    cache.set('b', user('2'), 10_000, 0)
    cache.set('c', user('3'), 10_000, 0)
    expect(cache.size).toBe(2)
    expect(cache.get('a', 1)).toBeUndefined()
    expect(cache.get('c', 1)).toEqual(user('3'))
  })

  it('refuses to re-cache a revoked token from a lookup that began before the revocation', () => {
    const cache = new SessionCache(1000)
    cache.set('a', user('1'), 10_000, 0)
    cache.delete('a', 10)
    cache.set('a', user('1'), 10_000, 20)
    expect(cache.get('a', 30)).toBeUndefined()
    // After the lifetime a new session under the same hash could not exist anyway; caching resumes.
    cache.set('a', user('1'), 10_000, 1500)
    expect(cache.get('a', 1600)).toEqual(user('1'))
  })
})
