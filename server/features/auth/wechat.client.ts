import { HttpError } from '../../plugins/errors'

export interface WechatCredentials {
  appId: string
  secret: string
  apiBase: string
}

/** Exchanges a wx.login code for the shopper's openid via WeChat's jscode2session. */
export async function codeToSession(creds: WechatCredentials, code: string): Promise<{ openid: string; unionid?: string }> {
  const url = new URL('/sns/jscode2session', creds.apiBase)
  url.search = new URLSearchParams({ appid: creds.appId, secret: creds.secret, js_code: code, grant_type: 'authorization_code' }).toString()
  let body: { openid?: string; unionid?: string; errcode?: number; errmsg?: string }
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) })
    body = (await res.json()) as typeof body
  } catch {
    throw new HttpError(502, 'WECHAT_UNAVAILABLE', 'WeChat login service is unreachable; please try again.')
  }
  if (body.errcode === 40029 || body.errcode === 40163) {
    throw new HttpError(401, 'WECHAT_CODE_INVALID', 'The WeChat login code is invalid or already used; call wx.login again.')
  }
  if (body.errcode || !body.openid) {
    throw new HttpError(502, 'WECHAT_LOGIN_FAILED', `WeChat login failed (${body.errcode ?? 'no openid'}: ${body.errmsg ?? ''})`)
  }
  return { openid: body.openid, unionid: body.unionid }
}
