/**
 * Training pipeline of the intent model: corpus → features → k-fold calibrated model.
 * Used by `npm run train:bot` and by the evaluation, never at request time.
 */
import { createHash } from 'node:crypto'
import { fitTemperature, scores, train, DEFAULT_TRAIN_OPTIONS, type Example, type IntentModel } from './classifier'
import { featuresOf } from './features'
import { foldOf, isHeldOut, type Utterance } from './bot-data'

export const FOLDS = 5

// Features that survive a homophone typo: how the words sound, not which characters spell them.
const SOUND = /^(?:p|i|x|e):/

/**
 * Labelled utterances as model examples. Each Chinese utterance is also seen through its
 * sound alone, so the model learns to trust pinyin when a typo (退欵, 待发或) breaks the characters.
 */
export function toExamples(utterances: readonly Utterance[]): Example[] {
  return utterances.flatMap((u) => {
    const features = featuresOf(u.text)
    const sound = features.filter((f) => SOUND.test(f))
    const full = { features, label: u.intent }
    return sound.length >= 2 && sound.length < features.length ? [full, { features: sound, label: u.intent }] : [full]
  })
}

/** The corpus split into the training part and the held-out part nobody tunes on. */
export function split(utterances: readonly Utterance[]): { train: Utterance[]; heldOut: Utterance[] } {
  return { train: utterances.filter((u) => !isHeldOut(u.text)), heldOut: utterances.filter((u) => isHeldOut(u.text)) }
}

/** Out-of-fold predictions: each training utterance scored by a model that never saw it. */
export function outOfFold(trainSet: readonly Utterance[], folds = FOLDS): { utterance: Utterance; model: IntentModel }[] {
  const out: { utterance: Utterance; model: IntentModel }[] = []
  for (let k = 0; k < folds; k++) {
    const model = train(toExamples(trainSet.filter((u) => foldOf(u.text, folds) !== k)), DEFAULT_TRAIN_OPTIONS)
    for (const u of trainSet) if (foldOf(u.text, folds) === k) out.push({ utterance: u, model })
  }
  return out
}

/** Train the shipped model on the training split with a temperature fitted by k-fold. */
export function trainCalibrated(trainSet: readonly Utterance[]): IntentModel {
  const oof = outOfFold(trainSet)
  const logits: number[][] = []
  const labels: number[] = []
  const model = train(toExamples(trainSet), DEFAULT_TRAIN_OPTIONS)
  for (const { utterance, model: m } of oof) {
    const idx = model.classes.indexOf(utterance.intent)
    // A fold can miss a rare class entirely; its utterances cannot be scored fairly.
    if (idx < 0 || m.classes.length !== model.classes.length) continue
    logits.push(scores(m, featuresOf(utterance.text)))
    labels.push(idx)
  }
  return { ...model, temperature: fitTemperature(logits, labels) }
}

/** A fingerprint of the training split, stored in the model so a stale model is noticed. */
export function corpusFingerprint(trainSet: readonly Utterance[]): string {
  const lines = trainSet.map((u) => `${u.intent}\t${u.text}`).sort()
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}
