import { EVIDENCE_KINDS, type EvidenceKind, type ServiceTypeId } from '@shared/catalog-data'
import { getLang, t, type MessageKey } from '@/lib/i18n'

/** A canned answer the agent can drop into the composer with one tap. */
export interface QuickPhrase {
  id: string
  label: string
  text: string
}

/** A phrase from the catalog, where `agent.phrase.<id>.label` and `.text` hold its words. */
const phrase = (id: string, label: MessageKey, text: MessageKey): QuickPhrase => ({ id, label: t(label), text: t(text) })

const general = (): QuickPhrase[] => [
  phrase('greet', 'agent.phrase.greet.label', 'agent.phrase.greet.text'),
  phrase('wait', 'agent.phrase.wait.label', 'agent.phrase.wait.text'),
  phrase('more', 'agent.phrase.more.label', 'agent.phrase.more.text'),
  phrase('bye', 'agent.phrase.bye.label', 'agent.phrase.bye.text'),
]

/** Asks for one kind of evidence in the words of the catalog's upload hint. */
export function askForEvidence(kind: EvidenceKind): QuickPhrase {
  const e = EVIDENCE_KINDS[kind]
  const [name, hint] = getLang() === 'en' ? [e.en, e.hintEn] : [e.zh, e.hintZh]
  return {
    id: `evidence-${kind}`,
    label: t('agent.phrase.evidence.label', { name }),
    text: t('agent.phrase.evidence.text', { name, hint }),
  }
}

const byType = (type: ServiceTypeId): QuickPhrase[] => {
  switch (type) {
    case 'order':
      return [
        phrase('order-no', 'agent.phrase.order-no.label', 'agent.phrase.order-no.text'),
        phrase('order-urge', 'agent.phrase.order-urge.label', 'agent.phrase.order-urge.text'),
        phrase('order-refund', 'agent.phrase.order-refund.label', 'agent.phrase.order-refund.text'),
      ]
    case 'product':
      return [
        askForEvidence('photos'),
        phrase('product-return', 'agent.phrase.product-return.label', 'agent.phrase.product-return.text'),
        phrase('product-stock', 'agent.phrase.product-stock.label', 'agent.phrase.product-stock.text'),
      ]
    case 'logistics':
      return [
        askForEvidence('logistics_info'),
        phrase('logistics-check', 'agent.phrase.logistics-check.label', 'agent.phrase.logistics-check.text'),
        phrase('logistics-lost', 'agent.phrase.logistics-lost.label', 'agent.phrase.logistics-lost.text'),
      ]
    case 'payment':
      return [
        askForEvidence('payment_screenshot'),
        phrase('payment-retry', 'agent.phrase.payment-retry.label', 'agent.phrase.payment-retry.text'),
        phrase('payment-refund', 'agent.phrase.payment-refund.label', 'agent.phrase.payment-refund.text'),
      ]
    case 'member':
      return [
        phrase('member-points', 'agent.phrase.member-points.label', 'agent.phrase.member-points.text'),
        phrase('member-level', 'agent.phrase.member-level.label', 'agent.phrase.member-level.text'),
        phrase('member-account', 'agent.phrase.member-account.label', 'agent.phrase.member-account.text'),
      ]
  }
}

const TYPES: readonly string[] = ['order', 'product', 'logistics', 'payment', 'member']

/** The phrases for a conversation, in the active language: its service type's first, then the general ones. */
export function quickPhrasesFor(serviceType: string | null | undefined): QuickPhrase[] {
  const specific = serviceType && TYPES.includes(serviceType) ? byType(serviceType as ServiceTypeId) : []
  return [...specific, ...general()]
}
