import {
  allErrors,
  applyPrefill,
  detailFields,
  emptyDraft,
  evidenceSlots,
  idempotencyKeyFor,
  missingSummary,
  newIdempotencyKey,
  restoreDraft,
  stepErrors,
  validateField,
} from '@/features/tickets/ticket-form.helpers'
import type { EvidenceFile, TicketDraft } from '@/features/tickets/ticket-form.types'
import { toCreateBody } from '@/features/tickets/tickets.mapping'
import { normalizeCaseNo } from '@shared/chat-data'

const NOW = new Date('2026-11-26T10:00:00Z')
const photo = (n: number, status: EvidenceFile['status'] = 'done'): EvidenceFile => ({
  key: `k${n}`,
  localPath: `blob:${n}`,
  status,
  progress: status === 'done' ? 100 : 40,
  uploadId: status === 'done' ? `u${n}` : undefined,
  url: status === 'done' ? `/files/u${n}` : undefined,
})
const damaged = (over: Partial<TicketDraft> = {}): TicketDraft => ({
  ...emptyDraft(NOW, 'key-0000000000000001'),
  serviceType: 'product',
  subtype: 'damaged',
  step: 3,
  orderNo: '202611260000123456',
  productName: '陶瓷马克杯',
  description: '收到的杯子把手断了，外包装也有压痕',
  outcome: 'exchange',
  evidence: { photos: [photo(1), photo(2)] },
  ...over,
})

describe('catalog-driven fields and evidence', () => {
  it('marks the fields the catalog requires for the subtype, required ones first', () => {
    expect(detailFields('damaged')).toEqual([
      { field: 'orderNo', required: true },
      { field: 'productName', required: true },
      { field: 'description', required: true },
      { field: 'purchasedAt', required: false },
    ])
    expect(
      detailFields('points')
        .filter((f) => f.required)
        .map((f) => f.field),
    ).toEqual(['description'])
  })

  it('asks for exactly the evidence the catalog lists', () => {
    expect(evidenceSlots('damaged').map((s) => [s.kind, s.minFiles, s.label])).toEqual([['photos', 2, '商品照片']])
    expect(evidenceSlots('payment_blocked').map((s) => s.kind)).toEqual(['payment_screenshot'])
    expect(evidenceSlots('not_shipped')).toEqual([])
  })
})

describe('validation messages name the field in Chinese', () => {
  it('explains required, malformed and future values', () => {
    expect(validateField('orderNo', '', true)).toBe('请填写订单号')
    expect(validateField('orderNo', '12345', true)).toMatch(/订单号应为 16–20 位数字/)
    expect(validateField('orderNo', '', false)).toBeNull()
    expect(validateField('description', '坏了', true)).toMatch(/问题描述至少 10 个字/)
    expect(validateField('purchasedAt', '2026-12-01', false, NOW)).toBe('购买时间不能晚于今天')
    expect(validateField('contactEmail', 'a@b', false)).toMatch(/联系邮箱格式不正确/)
    expect(validateField('contactPhone', '2380013800', false)).toMatch(/联系手机应为 11 位数字/)
    expect(validateField('contactPhone', '13800138000', false)).toBeNull()
  })

  it('counts the photos still missing and blocks while an upload runs', () => {
    const one = damaged({ evidence: { photos: [photo(1)] } })
    expect(allErrors(one, NOW)).toEqual([{ key: 'evidence.photos', message: '请上传商品照片（至少 2 张，还差 1 张）' }])
    expect(missingSummary(one, NOW)).toBe('还差：商品照片 1 张')
    const pending = damaged({ evidence: { photos: [photo(1), photo(2, 'uploading')] } })
    expect(allErrors(pending, NOW)[0].message).toBe('商品照片正在上传，请稍候')
    expect(missingSummary(damaged(), NOW)).toBeNull()
  })

  it('summarises everything missing for the submit button', () => {
    const d = damaged({ orderNo: '123', productName: '', outcome: null, evidence: {} })
    expect(missingSummary(d, NOW)).toBe('还差：正确的订单号、商品名称、期望处理方式、商品照片 2 张')
    expect(missingSummary(emptyDraft(NOW), NOW)).toBe('还差：服务类型')
  })

  it('checks each step on its own', () => {
    const d = damaged({ description: '' })
    expect(stepErrors(d, 2, NOW).map((e) => e.key)).toEqual(['description'])
    expect(stepErrors(d, 3, NOW)).toEqual([])
    expect(stepErrors({ ...d, subtype: 'delayed' }, 1, NOW)).toEqual([{ key: 'subtype', message: '请选择问题类型' }])
  })

  it('rejects an outcome the subtype does not offer', () => {
    expect(allErrors(damaged({ outcome: 'lift_block' }), NOW)).toEqual([{ key: 'outcome', message: '请选择期望的处理方式' }])
  })
})

describe('draft restore', () => {
  const fresh = () => emptyDraft(NOW, 'fresh-key-000000000')

  it('keeps typed text, finished uploads and the idempotency key', () => {
    const saved = damaged({ evidence: { photos: [photo(1), photo(2, 'uploading'), photo(3, 'failed')] } })
    const d = restoreDraft(JSON.parse(JSON.stringify(saved)), NOW, fresh)
    expect(d.description).toBe(saved.description)
    expect(d.evidence.photos?.map((f) => f.uploadId)).toEqual(['u1'])
    expect(d.idempotencyKey).toBe('key-0000000000000001')
    expect(d.step).toBe(3)
  })

  it('drops unknown catalog ids and mismatched subtypes', () => {
    const d = restoreDraft({ ...damaged(), serviceType: 'logistics', outcome: 'exchange' }, NOW, fresh)
    expect(d.serviceType).toBe('logistics')
    expect(d.subtype).toBeNull()
    expect(d.outcome).toBeNull()
    expect(d.step).toBe(1)
    expect(restoreDraft({ ...damaged(), serviceType: 'bogus' }, NOW, fresh).step).toBe(0)
  })

  it('starts fresh from garbage or a draft older than a week', () => {
    expect(restoreDraft(null, NOW, fresh).idempotencyKey).toBe('fresh-key-000000000')
    expect(restoreDraft('x', NOW, fresh).serviceType).toBeNull()
    const old = damaged({ updatedAt: '2026-11-01T00:00:00Z' })
    expect(restoreDraft(old, NOW, fresh).description).toBe('')
  })
})

describe('idempotency key', () => {
  it('is a v4 UUID and differs between drafts', () => {
    const a = newIdempotencyKey()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newIdempotencyKey()).not.toBe(a)
  })

  it('is reused for every submit of the same draft, edits included', () => {
    const d = damaged()
    expect(idempotencyKeyFor(d)).toBe(idempotencyKeyFor({ ...d, description: d.description + '。' }))
  })
})

describe('entry-point prefill', () => {
  it('fills subtype, its service type and the order from query params', () => {
    const d = applyPrefill(emptyDraft(NOW), {
      subtype: 'damaged',
      orderNo: '2026112600001234%2056',
      description: '%E6%9D%AF%E5%AD%90%E7%A2%8E%E4%BA%86',
    })
    expect([d.serviceType, d.subtype, d.step, d.orderNo, d.description]).toEqual([
      'product',
      'damaged',
      2,
      '202611260000123456',
      '杯子碎了',
    ])
  })

  it('ignores unknown ids and keeps what the shopper already wrote', () => {
    const typed = { ...emptyDraft(NOW), description: '我自己写的描述内容' }
    const d = applyPrefill(typed, { serviceType: 'nope', subtype: 'nope', description: 'x' })
    expect([d.serviceType, d.step, d.description]).toEqual([null, 0, '我自己写的描述内容'])
    expect(applyPrefill(typed, { serviceType: 'payment' }).step).toBe(1)
  })

  it("carries the chat's case number into the ticket, in its one spelling, and drops anything else", () => {
    const d = applyPrefill(emptyDraft(NOW), { subtype: 'points', caseNo: 'kf7q3m2h', description: '积分没有到账，已经等了一周' })
    expect(d.caseNo).toBe('KF-7Q3M-2H')
    expect(toCreateBody(d).caseNo).toBe('KF-7Q3M-2H')
    expect(applyPrefill(emptyDraft(NOW), { caseNo: 'KF-OOOO-II' }).caseNo).toBeUndefined()
    expect(normalizeCaseNo(' kf-7q3m-2h ')).toBe('KF-7Q3M-2H')
    expect(normalizeCaseNo('KF-7Q3M')).toBeNull()
  })
})
