import type { BenchSuite } from '../lib/types'
import bot from './bot'
import chat from './chat'
import firstLoad from './first-load'
import held from './held'
import longChat from './long-chat'
import overhead from './overhead'
import realtime from './realtime'
import staticDelivery from './static'
import uploads from './uploads'
import weappSize from './weapp-size'

/** Every suite, in the order `npm run bench` runs them. */
export const suites: BenchSuite[] = [overhead, staticDelivery, chat, realtime, held, uploads, bot, weappSize, firstLoad, longChat]
