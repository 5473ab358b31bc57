import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { BuildOptions } from '../../server/app'
import { FakeWechat } from './fake-wechat'
import { SmtpSink } from './smtp-sink'

/** A fake WeChat and an SMTP sink, and the app settings that point at them. */
export interface NotifyEnv {
  wechat: FakeWechat
  smtp: SmtpSink
  config: NonNullable<BuildOptions['config']>
  stop(): Promise<void>
}

/** Starts the fake WeChat server and the SMTP sink on loopback. */
export async function startNotifyEnv(): Promise<NotifyEnv> {
  const wechat = await new FakeWechat().start()
  const smtp = await new SmtpSink().start()
  return {
    wechat,
    smtp,
    config: {
      auth: { production: false, wechat: { appId: wechat.appId, secret: wechat.secret, apiBase: wechat.url } },
      notify: { smtpUrl: smtp.url, mailFrom: '客服中心 <desk@example.com>', sms: 'log', miniprogramState: 'developer' },
    },
    stop: async () => {
      await wechat.stop()
      await smtp.stop()
    },
  }
}

/** Signs a shopper in through wx.login → jscode2session on the fake; returns auth and openid. */
export async function wechatShopper(
  app: FastifyInstance,
  fake: FakeWechat,
): Promise<{ authorization: string; userId: string; openid: string }> {
  const openid = `o${crypto.randomBytes(8).toString('hex')}`
  const code = `code-${openid}`
  fake.code(code, openid)
  const res = await app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } })
  if (res.statusCode !== 200) throw new Error(`wechat sign-in failed: ${res.body}`)
  return { authorization: `Bearer ${res.json().token}`, userId: res.json().user.id, openid }
}
