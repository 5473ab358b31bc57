import { execFile } from 'node:child_process'
import path from 'node:path'
import { ConfigError, loadConfig } from '../../server/config'
import { buildTestApp } from '../support/server'

const root = path.resolve(__dirname, '../..')
const safe = {
  NODE_ENV: 'production',
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_SECRET: 'a-real-looking-secret',
  SMS_SENDER: 'none',
  WECHAT_TEMPLATE_ACCEPTED: 'A'.repeat(43),
  WECHAT_TEMPLATE_REPLIED: 'B'.repeat(43),
  WECHAT_TEMPLATE_RESOLVED: 'C'.repeat(43),
}

/** The app's ProcessEnv type also names build-time variables; a plain map is what the server reads. */
const asEnv = (vars: Record<string, string | undefined>) => vars as NodeJS.ProcessEnv

function refusal(vars: Record<string, string | undefined>): string {
  try {
    loadConfig(asEnv(vars))
  } catch (err) {
    if (err instanceof ConfigError) return err.message
    throw err
  }
  return ''
}

describe('production mode refuses unsafe settings', () => {
  it('starts with safe settings, with /docs off by default and SMS off', () => {
    const config = loadConfig(asEnv(safe))
    expect(config.docs).toBe(false)
    expect(config.notify.sms).toBeNull()
    expect(loadConfig(asEnv({ ...safe, DOCS: 'on' })).docs).toBe(true)
    expect(loadConfig(asEnv({})).docs).toBe(true)
  })

  it('names each problem in one clear line', () => {
    expect(refusal({ ...safe, WECHAT_APPID: '', WECHAT_SECRET: '' })).toMatch(
      /WECHAT_APPID and WECHAT_SECRET are not set.*WECHAT_LOGIN=off/,
    )
    expect(refusal({ ...safe, SMS_SENDER: 'log' })).toMatch(/SMS_SENDER=log would write shoppers' phone numbers/)
    expect(refusal({ ...safe, WECHAT_TEMPLATE_REPLIED: '' })).toMatch(/WECHAT_TEMPLATE_REPLIED is the development placeholder/)
    const all = refusal({ NODE_ENV: 'production', SMS_SENDER: 'log' })
    expect(all.split('\n').filter((l) => l.startsWith('  - '))).toHaveLength(5)
    expect(refusal({ NODE_ENV: 'production', WECHAT_LOGIN: 'off', SMS_SENDER: 'none' })).toBe('')
  })

  it('stops the real server process with the message and exit code 2', async () => {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        ['--import', 'tsx', path.join(root, 'server/main.ts')],
        { env: asEnv({ PATH: process.env.PATH, NODE_ENV: 'production', SMS_SENDER: 'log', PORT: '0' }), cwd: root, encoding: 'utf8' },
        (_err: unknown, _stdout: string, stderr: string) => resolve({ code: child.exitCode, stderr }),
      )
    })
    expect(code).toBe(2)
    expect(stderr).toMatch(/Configuration error: refusing to start in production/)
    expect(stderr).toMatch(/SMS_SENDER=log/)
  })

  it('serves /docs only when turned on', async () => {
    const off = await buildTestApp({ docs: false })
    try {
      expect((await off.inject('/docs/json')).statusCode).toBe(404)
      expect((await off.inject('/docs')).json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } })
    } finally {
      await off.close()
    }
  })
})
