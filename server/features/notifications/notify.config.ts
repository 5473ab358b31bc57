/** Delivery settings: SMTP, SMS sender, and how WeChat messages open the mini-program. */
export interface NotifySettings {
  /** developer | trial | formal: which mini-program version a tap on the message opens. */
  miniprogramState: 'developer' | 'trial' | 'formal'
  smtpUrl: string | null
  mailFrom: string
  /** 'log' writes SMS to the server log (no SMS provider is wired); null turns SMS off. */
  sms: 'log' | null
}

const MP_STATES = ['developer', 'trial', 'formal'] as const

/** Reads SMTP_URL, MAIL_FROM, SMS_SENDER and WECHAT_MINIPROGRAM_STATE; `fail` reports a bad value. */
export function readNotifySettings(env: NodeJS.ProcessEnv, fail: (message: string) => never): NotifySettings {
  const smtpUrl = env.SMTP_URL || null
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) fail(`SMTP_URL must start with smtp:// or smtps://, got "${smtpUrl}"`)
  const miniprogramState = (env.WECHAT_MINIPROGRAM_STATE || 'formal') as NotifySettings['miniprogramState']
  if (!MP_STATES.includes(miniprogramState)) {
    fail(`WECHAT_MINIPROGRAM_STATE must be one of ${MP_STATES.join(', ')}, got "${env.WECHAT_MINIPROGRAM_STATE}"`)
  }
  if (env.SMS_SENDER && !['log', 'none'].includes(env.SMS_SENDER)) fail(`SMS_SENDER must be log or none, got "${env.SMS_SENDER}"`)
  return {
    miniprogramState,
    smtpUrl,
    mailFrom: env.MAIL_FROM || '客服中心 <service-desk@localhost>',
    // Without a provider, production sends no SMS unless told otherwise (and refuses `log`).
    sms: env.SMS_SENDER === 'log' || (!env.SMS_SENDER && env.NODE_ENV !== 'production') ? 'log' : null,
  }
}
