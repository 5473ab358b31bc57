import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { answer, extractEntities } from '../../server/features/chat/bot'
import { answerWithModel } from '../../server/features/chat/bot/bot'
import { loadCorpus, loadIntents, loadModel } from '../../server/features/chat/bot/bot-data'
import { predict, train } from '../../server/features/chat/bot/classifier'
import { corpusMessages, evaluate, FLOORS } from '../../server/features/chat/bot/evaluation'
import { featuresOf } from '../../server/features/chat/bot/features'
import { corpusFingerprint, split, toExamples } from '../../server/features/chat/bot/training'
import { SERVICE_TYPE_IDS } from '../../types/catalog-data'

const intents = loadIntents()
const corpus = loadCorpus(intents)
const { train: trainSet, heldOut } = split(corpus)

describe('intent corpus and model', () => {
  it('covers every intent with varied utterances, at least 2,000 in all', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(2000)
    for (const id of intents.keys()) expect(corpus.filter((u) => u.intent === id).length).toBeGreaterThanOrEqual(10)
    const serviceTypes = new Set<string | null>([...intents.values()].map((i) => i.serviceType))
    for (const t of SERVICE_TYPE_IDS) expect(serviceTypes.has(t)).toBe(true)
  })

  it('ships a model trained on the current training split (run npm run train:bot after editing the corpus)', () => {
    const model = loadModel()
    expect(model.corpusSha256).toBe(corpusFingerprint(trainSet))
    expect([...model.classes].sort()).toEqual([...intents.keys()].sort())
  })

  it('keeps the held-out split out of training', () => {
    const trained = new Set(trainSet.map((u) => u.text))
    expect(heldOut.length).toBeGreaterThan(300)
    expect(heldOut.some((u) => trained.has(u.text))).toBe(false)
  })

  it('meets the floors on the held-out split', () => {
    const report = evaluate(corpusMessages(heldOut, intents))
    expect(report.serviceTypeAccuracy).toBeGreaterThanOrEqual(FLOORS.serviceTypeAccuracy)
    expect(report.handoffRecall).toBeGreaterThanOrEqual(FLOORS.handoffRecall)
    expect(report.falseHandoffRate).toBeLessThanOrEqual(FLOORS.falseHandoffRate)
  })

  it('trains deterministically: the same examples give the same weights', () => {
    const sample = toExamples(trainSet.filter((_, i) => i % 10 === 0))
    const options = { epochs: 3, learningRate: 0.3, l2: 1e-5, seed: 7 }
    expect(JSON.stringify(train(sample, options))).toBe(JSON.stringify(train(sample, options)))
  })

  it('gives probabilities that sum to one', () => {
    const p = predict(loadModel(), featuresOf('快递到哪了'))
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6)
  })

  it('spells Chinese in pinyin so homophone typos and pinyin initials meet the right words', () => {
    expect(featuresOf('待发或')).toEqual(expect.arrayContaining(['p:daifa', 'p:fahuo']))
    expect(featuresOf('待发货')).toEqual(expect.arrayContaining(['p:daifa', 'p:fahuo']))
    expect(featuresOf('tk')).toContain('i:tk')
    expect(featuresOf('退款')).toContain('i:tk')
  })

  it('rejects a corpus file that names an unknown intent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-'))
    writeFileSync(join(dir, 'order.nope.json'), JSON.stringify({ intent: 'order.nope', utterances: ['a', 'b', 'c', 'd', 'e'] }))
    expect(() => loadCorpus(intents, dir)).toThrow(/unknown intent order\.nope/)
  })
})

describe('bot meta', () => {
  it('carries service type, intent, confidence, handoff and entities on every reply', () => {
    for (const text of ['今天能到吗', '你好', '转人工', '有个问题', '<b>x</b>']) {
      const m = answer({ text }).meta
      expect(m).toEqual(
        expect.objectContaining({
          intent: expect.any(String),
          confidence: expect.any(Number),
          handoff: expect.any(Boolean),
          entities: expect.any(Object),
        }),
      )
      expect(m.confidence).toBeGreaterThanOrEqual(0)
      expect(m.confidence).toBeLessThanOrEqual(1)
    }
  })

  it('finds order and tracking numbers, amounts, dates and phone numbers', () => {
    expect(extractEntities('订单202405061234567890 退款59.9元，3月5日买的，电话138-1234-5678')).toEqual({
      orderNo: '202405061234567890',
      amountsCents: [5990],
      dates: ['03-05'],
      phones: ['138****5678'],
    })
    expect(extractEntities('SF1234567890123 昨天就该到了 ¥20')).toEqual({
      trackingNo: 'SF1234567890123',
      amountsCents: [2000],
      dates: ['yesterday'],
    })
    expect(extractEntities('怎么还没到')).toEqual({})
  })

  it('does not read dates or phones out of longer numbers or prices', () => {
    expect(extractEntities('I was charged ¥59.90 twice').dates).toBeUndefined()
    expect(extractEntities('订单202405061381234567890').phones).toBeUndefined()
  })
})

describe('what real shoppers ask', () => {
  it.each([
    ['今天能到吗', 'logistics'],
    ['我的东西到哪里了', 'logistics'],
    ['昨晚没接到预约配送电话', 'logistics'],
    ['两个区别是', 'product'],
    ['这个具体是怎么用的', 'product'],
    ['返修怎么弄', 'product'],
    ['价保', 'order'],
    ['发票怎么开', 'order'],
    ['退款退到哪去了', 'order'],
    ['淘金币怎么用', 'member'],
  ])('routes %s to %s', (text, serviceType) => {
    expect(answer({ text }).meta.serviceType).toBe(serviceType)
  })
})

describe('clarifying and handing over', () => {
  it('asks with two or three candidates instead of guessing when unsure', () => {
    // A model torn evenly between three intents of three service types.
    const torn = {
      version: 1 as const,
      classes: ['logistics.track', 'order.not_shipped', 'product.consult'],
      bias: [0, 0, 0],
      temperature: 1,
      weights: {},
    }
    const r = answerWithModel({ text: '那个东西' }, torn)
    expect(r.meta.clarify).toBe(true)
    expect(r.meta.intent).toBe('clarify')
    const choices = r.quickReplies.filter((q) => q.action === 'text')
    expect(choices.length).toBeGreaterThanOrEqual(2)
    expect(choices.length).toBeLessThanOrEqual(3)
    expect(r.quickReplies.some((q) => q.action === 'handoff')).toBe(true)
  })

  it('understands a tapped clarifying choice for sure', () => {
    const r = answer({ text: '查物流' })
    expect(r.meta.intent).toBe('logistics.track')
    expect(r.meta.confidence).toBe(1)
  })

  it.each([
    ['物流显示已签收，可我根本没收到', 'logistics', 'handoff.problem'],
    ['打开发现少了一个配件', 'product', 'handoff.problem'],
    ['账户被限制支付了怎么办', 'payment', 'handoff.problem'],
    ['我的账号被冻结了', 'member', 'handoff.problem'],
    ['快递弄丢了 你们得赔钱', 'logistics', 'handoff.compensation'],
    ['我要人工 快递三天没到', 'logistics', 'handoff.request'],
  ])('hands over %s to the %s queue (%s)', (text, serviceType, reason) => {
    const r = answer({ text })
    expect(r.meta.handoff).toBe(true)
    expect(r.meta.serviceType).toBe(serviceType)
    expect(r.meta.handoffReason).toBe(reason)
    expect(r.meta.summary).toContain('顾客问题')
  })

  it('hands an angry shopper to a person even when the problem is unclear', () => {
    const r = answer({ text: '你们这什么破平台 气死我了' })
    expect(r.meta.handoff).toBe(true)
    expect(r.meta.handoffReason).toBe('handoff.anger')
  })

  it.each([['人工客服几点上班'], ['快递丢了怎么办'], ['商家拒绝退款怎么办'], ['滚筒洗衣机和波轮哪个好']])('keeps answering: %s', (text) => {
    expect(answer({ text }).meta.handoff).toBe(false)
  })

  it('puts the order number and missing evidence in the agent summary', () => {
    const r = answer({ text: '订单202405061234567890 显示签收了但我没收到' })
    expect(r.meta.summary).toContain('202405061234567890')
    expect(r.meta.summary).toContain('物流信息截图')
  })
})
