import { botSummary } from '../../src/features/agent/conversation.helpers'
import { msg } from '../support/chat-fixtures'

const meta = (over: Record<string, unknown>) => ({
  serviceType: 'logistics' as const,
  intent: 'logistics.signed_not_received',
  confidence: 0.97,
  entities: { orderNo: '202611261234567890' },
  needsEvidence: ['logistics_info'],
  handoff: true,
  faqIds: [],
  quickReplies: [],
  ...over,
})

describe('bot summary for the agent', () => {
  it('reads the bot’s problem note and lists actions the shopper already confirmed', () => {
    const messages = [
      msg(1, { meta: meta({ summary: '顾客问题：显示签收但没收到；订单号 202611261234567890；待补充：物流信息截图' }) }),
      msg(2, {
        meta: meta({
          serviceType: 'logistics',
          intent: 'action.track_parcel',
          actionResult: {
            id: 'a',
            kind: 'track_parcel',
            orderNo: '202611261234567890',
            orderStatus: 'shipped',
            detail: '',
            createdAt: '2026-11-26T02:02:00.000Z',
          },
        }),
      }),
    ]
    const s = botSummary(messages)
    expect(s).toMatchObject({ intent: 'logistics.signed_not_received', actions: ['track_parcel'] })
    expect(s?.note).toContain('202611261234567890')
  })

  it('is null before the bot said anything', () => {
    expect(botSummary([msg(1, { sender: 'shopper', meta: null })])).toBeNull()
  })
})
