import { readTicketSettings } from '../../server/features/tickets/tickets.config'

const fail = (message: string): never => {
  throw new Error(message)
}

describe('ticket settings from the environment', () => {
  it('defaults to the catalog channels, 24/72 hour SLA, 7-day auto-close and development template ids', () => {
    const s = readTicketSettings({}, fail)
    expect(s).toMatchObject({
      hotline: '95188',
      email: 'service@example.com',
      sla: { firstResponseHours: 24, resolutionHours: 72, autoCloseDays: 7 },
      sweepIntervalMs: 600_000,
    })
    for (const id of Object.values(s.subscribeTemplates)) expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('reads overrides', () => {
    const s = readTicketSettings(
      {
        SERVICE_HOTLINE: '400-820-8820',
        SERVICE_EMAIL: 'kefu@shop.cn',
        SLA_FIRST_RESPONSE_HOURS: '4',
        SLA_RESOLUTION_HOURS: '36.5',
        WECHAT_TEMPLATE_ACCEPTED: 'abcDEF123_-xyz',
        TICKET_SWEEP_SECONDS: '0',
      },
      fail,
    )
    expect(s).toMatchObject({
      hotline: '400-820-8820',
      email: 'kefu@shop.cn',
      sla: { firstResponseHours: 4, resolutionHours: 36.5 },
      sweepIntervalMs: 0,
    })
    expect(s.subscribeTemplates.accepted).toBe('abcDEF123_-xyz')
  })

  it.each([
    ['SLA_FIRST_RESPONSE_HOURS', 'soon'],
    ['SLA_RESOLUTION_HOURS', '-3'],
    ['SERVICE_EMAIL', 'kefu-at-shop'],
    ['SERVICE_HOTLINE', 'call us'],
    ['WECHAT_TEMPLATE_REPLIED', 'bad id!'],
    ['TICKET_SWEEP_SECONDS', '1.5'],
  ])('names %s when its value is unusable', (name, value) => {
    expect(() => readTicketSettings({ [name]: value }, fail)).toThrow(name)
  })
})
