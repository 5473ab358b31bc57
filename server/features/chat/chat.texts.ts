import { getServiceType, type ServiceTypeId } from '../../../types/catalog-data'
import type { ChatEvent } from '../../../types/chat'

export type ChatLang = 'zh' | 'en'

/** The language stored on a conversation, narrowed. */
export function langOf(value: string): ChatLang {
  return value === 'en' ? 'en' : 'zh'
}

function typeName(st: ServiceTypeId | null | undefined, lang: ChatLang): string {
  const t = st ? getServiceType(st) : undefined
  if (!t) return lang === 'zh' ? '综合' : 'general'
  return lang === 'zh' ? t.zh : t.en
}

/** The sentence a timeline shows for a status change, in the conversation's language. */
export function eventText(e: ChatEvent, lang: ChatLang): string {
  const zh = lang === 'zh'
  switch (e.type) {
    case 'queued':
      return zh
        ? `已为您转接${typeName(e.serviceType, lang)}问题人工客服，请稍候。`
        : `Waiting for a ${typeName(e.serviceType, lang)} agent. Please hold on.`
    case 'requeued':
      return zh ? '正在为您重新安排人工客服，请稍候。' : 'Finding another agent for you. Please hold on.'
    case 'assigned':
      return zh ? `客服 ${e.agentName ?? ''} 为您服务。` : `${e.agentName ?? 'An agent'} is now helping you.`
    case 'transferred':
      return zh ? `已转接给客服 ${e.agentName ?? ''}。` : `You have been transferred to ${e.agentName ?? 'another agent'}.`
    case 'ended':
      if (e.endedBy === 'idle') return zh ? '由于长时间没有新消息，本次会话已结束。' : 'This chat ended after a period of inactivity.'
      return zh ? '本次会话已结束。' : 'This chat has ended.'
    case 'rating_requested':
      return zh ? '请为本次服务打分，您的评价会帮助我们改进。' : 'Please rate this chat; your feedback helps us improve.'
    case 'linked':
      if (e.orderNo) return zh ? `已关联订单 ${e.orderNo}。` : `Linked order ${e.orderNo}.`
      return zh ? `已关联工单。` : 'Linked a ticket.'
    case 'image_blocked':
      return zh
        ? '您发送的一张图片未通过微信内容安全检查，客服看不到它。您可以换一张重新发送。'
        : 'One of your images did not pass WeChat’s content security check, so the agent cannot see it. You can send another one.'
  }
}
