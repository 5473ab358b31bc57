import { loadCorpus, loadIntents } from './features/chat/bot/bot-data'
import { split, outOfFold } from './features/chat/bot/training'
import { predict } from './features/chat/bot/classifier'
import { featuresOf } from './features/chat/bot/features'
const intents = loadIntents()
const { train: tr } = split(loadCorpus())
const st = (i: string) => intents.get(i)?.serviceType ?? null
let ok = 0,
  sok = 0,
  n = 0
const t0 = Date.now()
const oof = outOfFold(tr)
let size = 0
for (const { utterance: u, model } of oof) {
  n++
  const p = predict(model, featuresOf(u.text))
  let b = 0
  p.forEach((x, i) => {
    if (x > p[b]!) b = i
  })
  const c = model.classes[b]!
  if (c === u.intent) ok++
  if (st(c) === st(u.intent)) sok++
  else if (process.argv[2]) console.log(u.text, '|', u.intent, '->', c, p[b]!.toFixed(2))
}
for (const p of Object.values(oof[0]!.model.weights)) size += p.length / 2
console.log('oof intent', (ok / n).toFixed(3), 'service', (sok / n).toFixed(3), 'nnz', size, 'ms', Date.now() - t0)
