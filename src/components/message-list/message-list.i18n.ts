import { preferredLang } from '@/lib/platform'

const zh = {
  bot: '智能客服',
  agentFallback: '人工客服',
  shopper: '顾客',
  you: '我',
  loading: '加载中…',
  older: '查看更早的消息',
  noOlder: '没有更早的消息了',
  newMessages: (n: number) => `${n} 条新消息`,
  typing: '对方正在输入…',
  read: '已读',
  unread: '未读',
  sending: '发送中',
  failed: '发送失败，点击重试',
  blockedText: '这段内容未能发送，请修改后再试。',
  editBlocked: '修改后重发',
  imageBlocked: '图片未通过安全检查',
  imageBlockedMine: '这张图片未通过微信内容安全检查，客服看不到它。您可以换一张重新发送。',
  waitingNetwork: '等待网络',
  uploading: (p: number) => `上传中 ${p}%`,
  image: '图片',
  order: '订单',
  orderNo: '订单号',
  copied: '已复制',
  copyHint: '点击复制',
  orderStatus: { paid: '待发货', shipped: '已发货', delivered: '已签收', completed: '已完成', cancelled: '已取消' } as Record<
    string,
    string
  >,
}

export type MessageListText = typeof zh

const en: MessageListText = {
  bot: 'Service bot',
  agentFallback: 'Agent',
  shopper: 'Customer',
  you: 'Me',
  loading: 'Loading…',
  older: 'Earlier messages',
  noOlder: 'No earlier messages',
  newMessages: (n: number) => `${n} new`,
  typing: 'Typing…',
  read: 'Read',
  unread: 'Unread',
  sending: 'Sending',
  failed: 'Not sent. Tap to retry',
  blockedText: 'This text was not sent. Please change it and try again.',
  editBlocked: 'Edit and resend',
  imageBlocked: 'Image failed the safety check',
  imageBlockedMine: 'This image did not pass WeChat’s content security check, so the agent cannot see it. You can send another one.',
  waitingNetwork: 'Waiting for network',
  uploading: (p: number) => `Uploading ${p}%`,
  image: 'Photo',
  order: 'Order',
  orderNo: 'Order',
  copied: 'Copied',
  copyHint: 'Tap to copy',
  orderStatus: { paid: 'To ship', shipped: 'Shipped', delivered: 'Delivered', completed: 'Completed', cancelled: 'Cancelled' },
}

/** The list's words in a language ('zh' for the Chinese-only agent workspace, the browser's for shoppers). */
export function listText(lang: 'zh' | 'en'): MessageListText {
  return lang === 'en' ? en : zh
}

/** The shopper's language, as the chat page uses it. */
export const defaultLang = preferredLang()
