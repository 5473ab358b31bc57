import type { BenchSuite } from '../lib/types'
import firstLoad from './first-load'
import longChat from './long-chat'

/** Every suite, in the order the runner executes them. */
export const suites: BenchSuite[] = [firstLoad, longChat]
