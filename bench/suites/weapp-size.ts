import path from 'node:path'
import { MAIN_LIMIT, SUB_LIMIT, TOTAL_LIMIT, weappSizes } from '../lib/weapp-size'
import { round } from '../lib/stats'
import type { BenchSuite, Measure } from '../lib/types'

const KB = 1024

const suite: BenchSuite = {
  id: 'weapp-size',
  title: "Mini-program package sizes (dist/weapp, source maps excluded) against WeChat's limits",
  async run() {
    const sizes = weappSizes(path.resolve(__dirname, '..', '..', 'dist', 'weapp'))
    if (!sizes) {
      return [
        {
          id: 'weapp.main',
          title: 'Main package',
          value: NaN,
          unit: 'KB',
          baseline: null,
          ratio: null,
          goal: '≤ 2 MB',
          met: null,
          note: 'not measured: dist/weapp is missing (npm run build:weapp)',
        },
      ]
    }
    const limit = (id: string, title: string, bytes: number, max: number): Measure => ({
      id,
      title,
      value: round(bytes / KB),
      unit: 'KB',
      baseline: { title: "WeChat's limit", value: max / KB, unit: 'KB' },
      ratio: round(bytes / max),
      goal: `≤ ${max / KB / KB} MB`,
      met: bytes <= max,
    })
    return [
      limit('weapp.main', 'Main package', sizes.main, MAIN_LIMIT),
      ...sizes.subpackages.map((s) => limit(`weapp.sub.${s.root.replace(/\W+/g, '-')}`, `Subpackage ${s.root}`, s.size, SUB_LIMIT)),
      limit('weapp.total', 'All packages', sizes.total, TOTAL_LIMIT),
    ]
  },
}

export default suite
