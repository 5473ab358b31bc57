import type { ChatMessage } from '@shared/chat'
import { getServiceType } from '@shared/catalog-data'
import { hasMessage, named, t, type MessageValues } from '@/lib/i18n'

/** A system line as the server stores it: a code and its params, rendered in each viewer's language. */
export interface SystemRef {
  code: string
  params?: MessageValues
}

function localParams(params: MessageValues = {}): MessageValues {
  if (!('serviceType' in params)) return params
  const type = getServiceType(String(params.serviceType))
  return { ...params, serviceType: type ? named(type) : t('system.generalType') }
}

/** The line to show for a system message: the catalog's text for its code, else the stored text. */
export function systemText(message: ChatMessage): string {
  const ref = (message as ChatMessage & { system?: SystemRef | null }).system
  const key = ref ? `system.${ref.code}` : ''
  return ref && hasMessage(key) ? t(key, localParams(ref.params)) : (message.text ?? '')
}
