import table from './weapp-aria.json'

/**
 * The ARIA attributes WeChat reads on base components (基础库 2.7.1+) that Taro's weapp template
 * leaves out, as Taro's attribute tables spell them (no default value). The build adds them to
 * base.wxml (config/weapp-aria.ts) and app.ts to the runtime's table, so both agree on Taro's
 * short data keys.
 */
export function weappAriaAttributes(source: Record<string, string[]> = table): Record<string, Record<string, string>> {
  return Object.fromEntries(Object.entries(source).map(([component, names]) => [component, Object.fromEntries(names.map((n) => [n, '']))]))
}
