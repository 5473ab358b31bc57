import {
  CHANNEL_DEFAULTS,
  EVIDENCE_KINDS,
  OUTCOMES,
  ORDER_NO_PATTERN,
  SERVICE_TYPES,
  SLA_DEFAULTS,
  SUBTYPES,
  TIPS,
  evidenceKindsFor,
  getSubtype,
  isOrderNo,
  isTrackingNo,
  requirementsFor,
  subtypesOf,
} from '../../types/catalog-data'

describe('service catalog', () => {
  it('offers the five service types with Chinese labels', () => {
    expect(SERVICE_TYPES.map((t) => [t.id, t.zh])).toEqual([
      ['order', '订单'],
      ['product', '商品'],
      ['logistics', '物流'],
      ['payment', '支付'],
      ['member', '会员'],
    ])
    for (const t of SERVICE_TYPES) {
      expect(t.exampleZh.length).toBeGreaterThan(0)
      expect(t.exampleEn.length).toBeGreaterThan(0)
    }
  })

  it('gives every service type at least three subtypes with unique ids', () => {
    const ids = SUBTYPES.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const t of SERVICE_TYPES) {
      expect(subtypesOf(t.id).length).toBeGreaterThanOrEqual(3)
      expect(subtypesOf(t.id).every((s) => s.serviceType === t.id)).toBe(true)
    }
  })

  it('requires a description for every problem', () => {
    for (const s of SUBTYPES) {
      expect(s.requiredFields as readonly string[]).toContain('description')
      expect(s.outcomes.length).toBeGreaterThan(0)
    }
  })

  it('requires the order number for order, logistics and payment problems', () => {
    for (const s of SUBTYPES.filter((x) => ['order', 'logistics', 'payment'].includes(x.serviceType))) {
      expect(s.requiredFields as readonly string[]).toContain('orderNo')
    }
  })

  it('asks for photos of damaged or not-as-described goods', () => {
    for (const id of ['damaged', 'not_as_described']) {
      const photos = requirementsFor(id)?.evidence.find((e) => e.kind === 'photos')
      expect(photos).toBeDefined()
      expect(photos?.minFiles).toBeGreaterThanOrEqual(1)
      expect(photos?.maxFiles).toBeGreaterThanOrEqual(photos?.minFiles ?? Infinity)
    }
  })

  it('asks for the logistics screenshot on every logistics problem and payment records on every payment problem', () => {
    for (const s of subtypesOf('logistics')) expect(evidenceKindsFor(s.id)).toContain('logistics_info')
    for (const s of subtypesOf('payment')) expect(evidenceKindsFor(s.id)).toContain('payment_screenshot')
  })

  it('needs the product name when something is out of stock', () => {
    expect(requirementsFor('out_of_stock')?.fields).toContain('productName')
  })

  it('only allows outcomes that exist', () => {
    const known = new Set<string>(OUTCOMES.map((o) => o.id))
    for (const s of SUBTYPES) for (const o of s.outcomes) expect(known.has(o)).toBe(true)
  })

  it('returns undefined for unknown subtypes instead of throwing', () => {
    expect(getSubtype('nope')).toBeUndefined()
    expect(requirementsFor('nope')).toBeUndefined()
    expect(evidenceKindsFor('nope')).toEqual([])
  })

  it('labels every evidence kind in both languages', () => {
    for (const e of Object.values(EVIDENCE_KINDS)) {
      expect(e.zh && e.en && e.hintZh && e.hintEn).toBeTruthy()
    }
  })

  it('carries the tips, channel and SLA defaults shown to shoppers', () => {
    expect(TIPS.map((t) => t.titleZh)).toEqual(['详细描述问题', '保留证据', '选择正确的服务类型'])
    expect(CHANNEL_DEFAULTS.hotline.value).toBe('95188')
    expect(CHANNEL_DEFAULTS.email.value).toContain('@')
    expect(SLA_DEFAULTS).toEqual({ firstResponseHours: 24, resolutionHours: 72 })
  })

  it('recognises order numbers', () => {
    expect(isOrderNo('202405061234567890')).toBe(true)
    expect(isOrderNo(' 202405061234567890 ')).toBe(true)
    expect(isOrderNo('12345')).toBe(false)
    expect(isOrderNo('20240506123456789O')).toBe(false)
    expect(ORDER_NO_PATTERN.test('123456789012345678901')).toBe(false)
  })

  it('recognises courier tracking numbers without confusing them with order numbers', () => {
    expect(isTrackingNo('SF1234567890123')).toBe(true)
    expect(isTrackingNo('YT7654321098765')).toBe(true)
    expect(isTrackingNo('773012345678')).toBe(true)
    expect(isTrackingNo('SF12')).toBe(false)
    expect(isTrackingNo('hello-world')).toBe(false)
    expect(isTrackingNo('202405061234567890')).toBe(false)
  })
})
