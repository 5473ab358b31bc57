import type { IPluginContext } from '@tarojs/service'
import table from '../src/lib/weapp-aria.json'

/**
 * Puts the ARIA attributes WeChat reads (src/lib/weapp-aria.json) into the generated base.wxml:
 * Taro's weapp template writes the templates from this shared attribute table and left them out.
 */
export default (ctx: IPluginContext) => {
  if (process.env.TARO_ENV !== 'weapp') return
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the table is only exported from the CommonJS build
  const { internalComponents } = require('@tarojs/shared/dist/template') as {
    internalComponents: Record<string, Record<string, string>>
  }
  const patch = Object.fromEntries(
    Object.entries(table as Record<string, string[]>).map(([component, names]) => [
      component,
      Object.fromEntries(names.map((n) => [n, ''])),
    ]),
  )
  ctx.helper.recursiveMerge(internalComponents, patch)
}
