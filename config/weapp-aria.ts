import type { IPluginContext } from '@tarojs/service'

/**
 * WeChat reads `aria-role`, `aria-label`, `aria-checked`… on base components (基础库 2.7.1+), but
 * Taro's generated base.wxml leaves them out, so the props were dropped before they reached the
 * screen reader. This adds them to the weapp template for the components the app labels.
 */
const ARIA = ['aria-role', 'aria-label', 'aria-checked', 'aria-selected', 'aria-disabled', 'aria-hidden', 'aria-live']
const attrs = (names: string[]) => Object.fromEntries(names.map((n) => [n, '']))

const patch: Record<string, Record<string, string>> = {
  View: attrs(ARIA),
  Text: attrs(['aria-role', 'aria-label', 'aria-hidden', 'aria-live']),
  Image: attrs(['aria-role', 'aria-label', 'aria-hidden']),
  Input: attrs(['aria-label']),
  Textarea: attrs(['aria-label']),
  Button: attrs(['aria-label']),
}

export default (ctx: IPluginContext) => {
  if (process.env.TARO_ENV !== 'weapp') return
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the table is only exported from the CommonJS build
  const { internalComponents } = require('@tarojs/shared/dist/template') as {
    internalComponents: Record<string, Record<string, string>>
  }
  ctx.helper.recursiveMerge(internalComponents, patch)
}
