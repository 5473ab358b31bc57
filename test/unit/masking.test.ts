import {
  isLuhnValid,
  isResidentId,
  maskCard,
  maskEmail,
  maskIp,
  maskMobile,
  maskResidentId,
  maskStreetAddress,
  maskText,
} from '../../server/lib/masking'

describe('masking of Chinese personal data', () => {
  it('masks mainland mobile numbers 1[3-9]x xxxx xxxx in their usual spellings', () => {
    expect(maskMobile('13812345678')).toBe('138****5678')
    expect(maskMobile('+86 139-1234-5678')).toBe('139****5678')
    expect(maskMobile('电话：19912345678。')).toBe('电话：199****5678。')
    // 12x is not a mobile prefix, and longer digit runs are not phone numbers.
    expect(maskMobile('12812345678')).toBe('12812345678')
    expect(maskMobile('138123456789')).toBe('138123456789')
  })

  it('knows an 18-digit resident ID by its checksum and masks only valid ones', () => {
    expect(isResidentId('11010519491231002X')).toBe(true)
    expect(isResidentId('110105194912310021')).toBe(false)
    expect(isResidentId('11010519491231002x')).toBe(true)
    expect(maskResidentId('11010519491231002X')).toBe('110***********002X')
    expect(maskText('身份证 11010519491231002X')).toBe('身份证 110***********002X')
    expect(maskText('订单 110105194912310021')).toBe('订单 110105194912310021')
  })

  it('masks Luhn-valid bank card numbers, with or without spaces', () => {
    expect(isLuhnValid('6222021234567890120')).toBe(false)
    expect(isLuhnValid('4111111111111111')).toBe(true)
    expect(maskCard('4111111111111111')).toBe('**** **** **** 1111')
    expect(maskText('卡号 4111 1111 1111 1111 谢谢')).toBe('卡号 **** **** **** 1111 谢谢')
    expect(maskText('卡号 4111 1111 1111 1112')).toBe('卡号 4111 1111 1111 1112')
  })

  it('keeps a street address down to its district', () => {
    expect(maskStreetAddress('北京市朝阳区建国路88号SOHO现代城A座1201')).toBe('北京市朝阳区****')
    expect(maskStreetAddress('广东省深圳市南山区科技园南区高新南一道')).toBe('广东省深圳市南山区****')
    expect(maskStreetAddress('浙江省杭州市余杭区文一西路969号')).toBe('浙江省杭州市余杭区****')
    expect(maskStreetAddress('新疆维吾尔自治区乌鲁木齐市天山区光明路')).toBe('新疆维吾尔自治区乌鲁木齐市天山区****')
    expect(maskStreetAddress('人民路5号')).toBe('人民****')
  })

  it('masks emails and IP addresses', () => {
    expect(maskEmail('li.lei@example.com')).toBe('l***@example.com')
    expect(maskEmail('nonsense')).toBe('***')
    expect(maskIp('203.0.113.77')).toBe('203.0.113.*')
    expect(maskIp('::ffff:10.0.0.5')).toBe('10.0.0.*')
    expect(maskIp('2001:db8:85a3::8a2e:370:7334')).toBe('2001:db8:85a3:*')
  })

  it('masks every kind in one free text and leaves order numbers alone', () => {
    const text = '订单号 202611260001234，手机 13800138000，卡 4111111111111111'
    expect(maskText(text)).toBe('订单号 202611260001234，手机 138****8000，卡 **** **** **** 1111')
  })
})
