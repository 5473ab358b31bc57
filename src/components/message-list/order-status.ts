import { hasMessage, t } from '@/lib/i18n'

/** An order status in the viewer's language; an unknown status shows as sent. */
export function orderStatusText(status: string): string {
  const key = `messageList.orderStatus.${status}`
  return hasMessage(key) ? t(key) : status
}
