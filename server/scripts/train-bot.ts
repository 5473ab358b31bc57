/**
 * Trains the service bot's intent model from the corpus in
 * server/features/chat/bot/content/corpus and writes content/intent-model.json.
 * Deterministic: the same corpus gives the same file.
 *
 * Run: npm run train:bot
 */
import { writeFileSync } from 'node:fs'
import { loadCorpus, MODEL_PATH } from '../features/chat/bot/bot-data'
import { corpusFingerprint, split, trainCalibrated } from '../features/chat/bot/training'

function main(): void {
  const corpus = loadCorpus()
  const { train, heldOut } = split(corpus)
  const model = trainCalibrated(train)
  // One feature per line keeps diffs of a retrained model readable.
  const lines = Object.keys(model.weights)
    .sort()
    .map((f) => `    ${JSON.stringify(f)}: ${JSON.stringify(model.weights[f])}`)
  const head = `{\n  "version": 1,\n  "classes": ${JSON.stringify(model.classes)},\n  "bias": ${JSON.stringify(model.bias)},\n  "temperature": ${model.temperature},\n  "corpusSha256": "${corpusFingerprint(train)}",\n  "weights": {\n`
  writeFileSync(MODEL_PATH, `${head}${lines.join(',\n')}\n  }\n}\n`)
  console.log(
    `trained on ${train.length} utterances (${heldOut.length} held out), ${model.classes.length} intents, ${lines.length} features, temperature ${model.temperature}`,
  )
}

main()
