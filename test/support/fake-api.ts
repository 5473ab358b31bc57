/**
 * A scripted API behind the mocked Taro.request / Taro.uploadFile: routes by method and path,
 * records every call, and answers guest sign-in itself.
 */
import Taro from '@tarojs/taro'

export interface Call {
  method: string
  path: string
  query: string
  data: unknown
  headers: Record<string, string>
}

type Handler = (call: Call) => { status?: number; body: unknown } | unknown

export function fakeApi() {
  const routes = new Map<string, Handler>()
  const calls: Call[] = []
  const respond = (call: Call) => {
    const handler = routes.get(`${call.method} ${call.path}`)
    if (!handler) return { statusCode: 404, data: { error: { code: 'NOT_FOUND', message: `no route ${call.method} ${call.path}` } } }
    const out = handler(call)
    const res = out && typeof out === 'object' && 'body' in out ? (out as { status?: number; body: unknown }) : { body: out }
    return { statusCode: res.status ?? 200, data: res.body }
  }
  ;(Taro.request as jest.Mock).mockImplementation(
    async (opts: { url: string; method?: string; data?: unknown; header?: Record<string, string> }) => {
      const [path, query = ''] = opts.url.split('?')
      const call = { method: opts.method ?? 'GET', path, query, data: opts.data, headers: opts.header ?? {} }
      if (path === '/api/auth/guest') {
        return {
          statusCode: 200,
          data: {
            token: 'tok',
            expiresAt: '2099-01-01T00:00:00Z',
            user: { id: 'u1', role: 'shopper', displayName: '访客' },
            deviceSecret: 'fake-device-secret',
          },
        }
      }
      calls.push(call)
      return respond(call)
    },
  )
  let uploads = 0
  ;(Taro.uploadFile as jest.Mock).mockImplementation((opts: { filePath: string; success(r: unknown): void }) => {
    const id = `00000000-0000-4000-8000-00000000000${++uploads}`
    const task = { onProgressUpdate: (cb: (p: { progress: number }) => void) => cb({ progress: 50 }) }
    setTimeout(() => opts.success({ statusCode: 201, data: JSON.stringify({ id, url: `/api/uploads/${id}?exp=1&sig=s` }) }), 0)
    return task
  })
  return {
    calls,
    on(method: string, path: string, handler: Handler) {
      routes.set(`${method} ${path}`, handler)
    },
    callsTo(method: string, path: string) {
      return calls.filter((c) => c.method === method && c.path === path)
    },
  }
}
