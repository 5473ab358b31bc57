/**
 * A multinomial logistic regression over sparse binary features: small enough to read,
 * fast enough for a chat turn (one pass over the message's features), and trained
 * deterministically so the committed model file is reproducible.
 */

import { seededRandom } from '../../../lib/seeded-random'

/** One labelled example. */
export interface Example {
  readonly features: readonly string[]
  readonly label: string
}

/** The trained model as stored on disk. */
export interface IntentModel {
  readonly version: 1
  readonly classes: readonly string[]
  readonly bias: readonly number[]
  /** Softmax temperature fitted on out-of-fold predictions, so probabilities mean what they say. */
  readonly temperature: number
  /** Fingerprint of the training split the model was trained on. */
  readonly corpusSha256?: string
  /** Feature → flat pairs [classIndex, weight, classIndex, weight, …]. */
  readonly weights: Readonly<Record<string, readonly number[]>>
}

/** Training settings; the defaults are the ones the shipped model uses. */
export interface TrainOptions {
  readonly epochs: number
  readonly learningRate: number
  readonly l2: number
  readonly seed: number
}

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { epochs: 20, learningRate: 0.3, l2: 1e-5, seed: 13 }

// Weights this small change no probability visibly; dropping them keeps the file small.
const PRUNE_BELOW = 0.004
const SKIP_BELOW = 0.03

function softmax(scores: number[], temperature: number): number[] {
  let max = -Infinity
  for (const s of scores) if (s > max) max = s
  const exps = scores.map((s) => Math.exp((s - max) / temperature))
  const sum = exps.reduce((a, b) => a + b, 0)
  return exps.map((e) => e / sum)
}

// Long messages would otherwise be far more confident than short ones.
function featureWeight(n: number): number {
  return n === 0 ? 0 : 1 / Math.sqrt(n)
}

interface DenseModel {
  classes: string[]
  bias: Float64Array
  weights: Map<string, Float64Array>
}

function denseScores(m: DenseModel, features: readonly string[]): number[] {
  const x = featureWeight(features.length)
  const scores = Array.from(m.bias)
  for (const f of features) {
    const w = m.weights.get(f)
    if (!w) continue
    for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] ?? 0) + (w[k] ?? 0) * x
  }
  return scores
}

/** Train on the examples with Adagrad-scaled stochastic gradient descent. */
export function train(examples: readonly Example[], options: TrainOptions = DEFAULT_TRAIN_OPTIONS): IntentModel {
  const classes = [...new Set(examples.map((e) => e.label))].sort()
  const index = new Map(classes.map((c, i) => [c, i]))
  const K = classes.length
  const m: DenseModel = { classes, bias: new Float64Array(K), weights: new Map() }
  const g2 = new Map<string, Float64Array>()
  const biasG2 = new Float64Array(K)
  const order = examples.map((_, i) => i)
  const rand = seededRandom(options.seed)
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      const tmp = order[i] as number
      order[i] = order[j] as number
      order[j] = tmp
    }
    for (const idx of order) {
      const ex = examples[idx] as Example
      const p = softmax(denseScores(m, ex.features), 1)
      const y = index.get(ex.label) ?? 0
      const x = featureWeight(ex.features.length)
      for (let k = 0; k < K; k++) {
        const grad = (p[k] ?? 0) - (k === y ? 1 : 0)
        biasG2[k] = (biasG2[k] ?? 0) + grad * grad
        m.bias[k] = (m.bias[k] ?? 0) - (options.learningRate * grad) / Math.sqrt((biasG2[k] ?? 0) + 1e-8)
      }
      for (const f of ex.features) {
        let w = m.weights.get(f)
        let g = g2.get(f)
        if (!w || !g) {
          w = new Float64Array(K)
          g = new Float64Array(K)
          m.weights.set(f, w)
          g2.set(f, g)
        }
        for (let k = 0; k < K; k++) {
          // Classes the model already rules out get no update: their gradient is negligible,
          // and leaving their weights at zero keeps the model sparse.
          if (k !== y && (p[k] ?? 0) < SKIP_BELOW && w[k] === 0) continue
          const grad = ((p[k] ?? 0) - (k === y ? 1 : 0)) * x + options.l2 * (w[k] ?? 0)
          g[k] = (g[k] ?? 0) + grad * grad
          w[k] = (w[k] ?? 0) - (options.learningRate * grad) / Math.sqrt((g[k] ?? 0) + 1e-8)
        }
      }
    }
  }
  return freeze(m)
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000
}

function freeze(m: DenseModel): IntentModel {
  const weights: Record<string, number[]> = {}
  for (const f of [...m.weights.keys()].sort()) {
    const w = m.weights.get(f) as Float64Array
    const pairs: number[] = []
    w.forEach((v, k) => {
      if (Math.abs(v) >= PRUNE_BELOW) pairs.push(k, round(v))
    })
    if (pairs.length > 0) weights[f] = pairs
  }
  return { version: 1, classes: m.classes, bias: Array.from(m.bias, round), temperature: 1, weights }
}

/** Raw class scores (logits) of one message's features. */
export function scores(model: IntentModel, features: readonly string[]): number[] {
  const x = featureWeight(features.length)
  const out = [...model.bias]
  for (const f of features) {
    const pairs = model.weights[f]
    if (!pairs) continue
    for (let i = 0; i < pairs.length; i += 2) {
      const k = pairs[i] as number
      out[k] = (out[k] ?? 0) + (pairs[i + 1] as number) * x
    }
  }
  return out
}

/** Calibrated class probabilities, in the order of `model.classes`. */
export function predict(model: IntentModel, features: readonly string[]): number[] {
  return softmax(scores(model, features), model.temperature)
}

/** The temperature that minimises the negative log-likelihood of held-out logits (grid search). */
export function fitTemperature(logits: readonly number[][], labels: readonly number[]): number {
  let best = 1
  let bestLoss = Infinity
  for (let t = 0.3; t <= 5.001; t += 0.05) {
    let loss = 0
    logits.forEach((l, i) => {
      const p = softmax([...l], t)
      loss -= Math.log(Math.max(1e-12, p[labels[i] ?? 0] ?? 0))
    })
    if (loss < bestLoss) {
      bestLoss = loss
      best = Math.round(t * 100) / 100
    }
  }
  return best
}
