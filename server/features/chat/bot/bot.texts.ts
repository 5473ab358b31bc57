/** The bot's own sentences (answers themselves live in the knowledge base and intents.json). */
import { CHANNEL_DEFAULTS, SLA_DEFAULTS } from '../../../../types/catalog-data'

export type Lang = 'zh' | 'en'

export const UI = {
  zh: {
    invalid: '抱歉，我没能看懂这条消息。请用一两句话描述您遇到的问题，例如「快递三天了还没到」，或选择下面的问题类型。',
    tooLong: '您的消息有点长，请用一两句话概括遇到的问题；详细情况可以在工单中补充。',
    unknown: '抱歉，我还不太确定您遇到的是哪类问题。可以换个说法，或选择下面的问题类型；也可以直接转人工客服。',
    greeting: '您好，我是智能客服。请告诉我您遇到的问题，例如「订单还没发货」「收到的东西坏了」「退款多久到账」。',
    thanks: '不客气，很高兴能帮到您。还有其他问题随时告诉我。',
    clarify: '我想确认一下，您是想问下面哪一个？点一下就好，都不是的话可以换个说法告诉我。',
    routed: (type: string, sub: string | null) => `问题类型：${type}${sub ? ` · ${sub}` : ''}`,
    prepare: '为了尽快处理，请准备：',
    evidenceItem: (label: string, min: number, hint: string) => `${label}（至少 ${min} 张）：${hint}`,
    orderFound: (no: string) => `已识别订单号：${no}`,
    trackingFound: (no: string) => `已识别快递单号：${no}`,
    orderAsk: '请点输入框旁的「订单」选一笔发给我，或直接发订单号。',
    sla: `提交工单后我们会在 ${SLA_DEFAULTS.firstResponseHours} 小时内回复，一般 ${SLA_DEFAULTS.resolutionHours / 24} 天内解决。`,
    handoff: {
      request: '好的，正在为您转接人工客服，请稍候。',
      complaint: '非常抱歉给您带来不好的体验，我们会认真对待。正在为您转接人工客服处理。',
      compensation: '很抱歉给您带来损失。赔偿需要人工核实，正在为您转接人工客服。',
      anger: '非常抱歉让您这么着急，我马上为您转接人工客服，请稍候。',
      dispute: '这个问题需要人工介入处理，正在为您转接人工客服。',
      problem: '这个问题需要人工核实处理，正在为您转接人工客服。',
      unhelpful: '抱歉没能解决您的问题，正在为您转接人工客服。',
      repeated: '抱歉让您多次反映还没解决，我马上为您转接人工客服优先处理。',
    },
    handoffHours: `人工客服服务时间：${CHANNEL_DEFAULTS.hotline.hoursZh}；非服务时间可以提交工单或拨打热线 ${CHANNEL_DEFAULTS.hotline.value}。`,
    qrTicket: '提交工单',
    qrHandoff: '转人工',
    qrTypes: (zh: string) => `${zh}问题`,
    summary: (intent: string, facts: string, missing: string) =>
      `顾客问题：${intent}${facts ? `；${facts}` : ''}；待补充：${missing || '无'}`,
  },
  en: {
    invalid:
      'Sorry, I could not read that message. Please describe the problem in a sentence or two, e.g. "my parcel is three days late", or pick a topic below.',
    tooLong: 'That message is quite long. Please sum up the problem in a sentence or two; you can add the details in a ticket.',
    unknown:
      'Sorry, I am not sure what kind of problem this is. Try saying it another way or pick a topic below; you can also talk to an agent.',
    greeting:
      'Hello, I am the service bot. Tell me what is wrong, e.g. "my order has not shipped", "the item arrived broken" or "when will my refund arrive".',
    thanks: 'You are welcome, glad to help. Let me know if there is anything else.',
    clarify: 'Just to be sure, which of these do you mean? Tap one, or tell me in other words if none fits.',
    routed: (type: string, sub: string | null) => `Topic: ${type}${sub ? ` · ${sub}` : ''}`,
    prepare: 'To speed things up, please have ready:',
    evidenceItem: (label: string, min: number, hint: string) => `${label} (at least ${min}): ${hint}`,
    orderFound: (no: string) => `Order number found: ${no}`,
    trackingFound: (no: string) => `Tracking number found: ${no}`,
    orderAsk: 'Tap "Order" next to the message box to pick the order, or type its number.',
    sla: `After you submit a ticket we reply within ${SLA_DEFAULTS.firstResponseHours} hours and usually resolve it within ${SLA_DEFAULTS.resolutionHours / 24} days.`,
    handoff: {
      request: 'Sure, connecting you to an agent now. Please hold on.',
      complaint: 'I am very sorry about your experience and we take it seriously. Connecting you to an agent now.',
      compensation: 'Sorry for the loss. Compensation needs an agent to review it, so I am connecting you now.',
      anger: 'I am very sorry for the trouble. Connecting you to an agent right away.',
      dispute: 'This needs an agent to step in, so I am connecting you now.',
      problem: 'This needs an agent to check and handle it, so I am connecting you now.',
      unhelpful: 'Sorry I could not solve this. Connecting you to an agent now.',
      repeated: 'Sorry you have had to ask more than once. Connecting you to an agent to take this up first.',
    },
    handoffHours: `Agents are available ${CHANNEL_DEFAULTS.hotline.hoursEn.toLowerCase()}; outside those hours submit a ticket or call ${CHANNEL_DEFAULTS.hotline.value}.`,
    qrTicket: 'Submit a ticket',
    qrHandoff: 'Talk to an agent',
    qrTypes: (en: string) => `${en} problem`,
    summary: (intent: string, facts: string, missing: string) =>
      `Problem: ${intent}${facts ? `; ${facts}` : ''}; still needed: ${missing || 'nothing'}`,
  },
} as const
