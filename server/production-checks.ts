import { DEV_TEMPLATES } from './features/tickets/tickets.config'

/**
 * Settings that are fine on a laptop but unsafe with real shoppers. Each problem is one
 * sentence naming the variable and the fix; the server refuses to start while any remain.
 */
export function productionProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = []
  const wechatOff = env.WECHAT_LOGIN === 'off'
  if (!env.WECHAT_APPID && !wechatOff) {
    problems.push(
      'WECHAT_APPID and WECHAT_SECRET are not set: without them WeChat sign-in cannot work. Set both, or WECHAT_LOGIN=off to serve only the browser app.',
    )
  }
  if (env.SMS_SENDER === 'log') {
    problems.push(
      "SMS_SENDER=log would write shoppers' phone numbers to the server log. Use SMS_SENDER=none (no SMS provider is wired in).",
    )
  }
  if (!wechatOff) {
    const names = {
      accepted: 'WECHAT_TEMPLATE_ACCEPTED',
      replied: 'WECHAT_TEMPLATE_REPLIED',
      resolved: 'WECHAT_TEMPLATE_RESOLVED',
    } as const
    for (const [key, name] of Object.entries(names) as [keyof typeof names, string][]) {
      const value = env[name]
      if (!value || value === DEV_TEMPLATES[key]) {
        problems.push(`${name} is the development placeholder: set the subscribe-message template id from the WeChat admin console.`)
      }
    }
  }
  return problems
}
