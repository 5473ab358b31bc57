import path from 'node:path'
import { h5FirstLoad, routeChunks } from '../../bench/lib/h5-first-load'
import { loadSizeBudgets } from '../../bench/lib/size-budgets'
import { weappSizes } from '../../bench/lib/weapp-size'

const ROOT = path.resolve(__dirname, '../..')
const budgets = loadSizeBudgets()
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

describe('size budgets of the builds (config/size-budgets.json)', () => {
  it('keeps the weapp main package and every subpackage under WeChat’s 2 MB and the project’s budgets', () => {
    const sizes = weappSizes(path.join(ROOT, 'dist/weapp'))
    if (!sizes) throw new Error('dist/weapp is missing: run npm run build:weapp first')
    expect(sizes.subpackages.length).toBeGreaterThan(0)
    const over = [
      ...(sizes.main > Math.min(budgets.weapp.mainBytes, budgets.weapp.hardLimitBytes)
        ? [`main package ${kb(sizes.main)} > ${kb(budgets.weapp.mainBytes)}`]
        : []),
      ...sizes.subpackages
        .filter((s) => s.size > Math.min(budgets.weapp.subpackageBytes, budgets.weapp.hardLimitBytes))
        .map((s) => `${s.root} ${kb(s.size)} > ${kb(budgets.weapp.subpackageBytes)}`),
    ]
    expect(over).toEqual([])
  })

  it('keeps what the H5 first screen downloads (gzip) under its budget', () => {
    const first = h5FirstLoad(path.join(ROOT, 'dist/h5'))
    if (!first) throw new Error('dist/h5 is missing: run npm run build:h5 first')
    // The entry script, its runtime and the first route's chunk are all counted.
    expect(first.files.filter((f) => f.file.endsWith('.js')).length).toBeGreaterThanOrEqual(2)
    expect(first.gzip).toBeLessThanOrEqual(budgets.h5.firstLoadGzipBytes)
  })

  it('finds the chunks of a route in Taro’s route table', () => {
    const entry = '{"path":"pages/help/index","load":function(a){return[Promise.all([w.e(7),w.e(753)]).then(w.bind(w,1)),a]}}'
    expect(routeChunks(entry, 'pages/help/index')).toEqual([7, 753])
    expect(routeChunks(entry, 'pages/chat/index')).toEqual([])
  })
})
