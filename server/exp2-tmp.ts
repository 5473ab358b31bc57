import { loadCorpus, loadIntents } from './features/chat/bot/bot-data'
import { split } from './features/chat/bot/training'
import { featuresOf } from './features/chat/bot/features'
const intents = loadIntents()
const { train: tr, heldOut } = split(loadCorpus())
const st = (i: string) => intents.get(i)?.serviceType ?? null
for (const alpha of [0.05, 0.1, 0.3]) {
  const classes = [...new Set(tr.map((u) => u.intent))].sort()
  const cnt = new Map<string, Map<string, number>>()
  const tot = new Map<string, number>()
  const prior = new Map<string, number>()
  const vocab = new Set<string>()
  for (const u of tr) {
    const f = featuresOf(u.text)
    prior.set(u.intent, (prior.get(u.intent) ?? 0) + 1)
    let m = cnt.get(u.intent)
    if (!m) {
      m = new Map()
      cnt.set(u.intent, m)
    }
    for (const x of f) {
      vocab.add(x)
      m.set(x, (m.get(x) ?? 0) + 1)
      tot.set(u.intent, (tot.get(u.intent) ?? 0) + 1)
    }
  }
  const V = vocab.size
  let ok = 0,
    sok = 0
  for (const u of heldOut) {
    const f = featuresOf(u.text).filter((x) => vocab.has(x))
    let best = '',
      bs = -Infinity
    for (const c of classes) {
      let s = Math.log(prior.get(c)! / tr.length) * 0.3
      const m = cnt.get(c)!
      const t = tot.get(c)!
      for (const x of f) s += Math.log(((m.get(x) ?? 0) + alpha) / (t + alpha * V))
      if (s > bs) {
        bs = s
        best = c
      }
    }
    if (best === u.intent) ok++
    if (st(best) === st(u.intent)) sok++
  }
  console.log(alpha, (ok / heldOut.length).toFixed(3), (sok / heldOut.length).toFixed(3))
}
