import { EVIDENCE_KIND_IDS, requirementsFor } from '@shared/catalog-data'
import type { Order } from '@shared/order'
import type { AttachmentInput, CreateTicketBody } from '@shared/ticket'
import { doneFiles } from './ticket-form.helpers'
import type { TicketDraft } from './ticket-form.types'
import { t } from '@/lib/i18n'

/** An order the shopper can pick in the form instead of typing its number. */
export interface OrderOption {
  orderNo: string
  /** What the picker shows: the first item, plus how many more. */
  label: string
  /** The first item's name, used to prefill 商品名称. */
  productName: string
  purchasedAt: string
}

/** The form's view of the shopper's orders: number, first item (plus count), paid date. */
export function toOrderOptions(orders: Order[]): OrderOption[] {
  return orders.map((o) => ({
    orderNo: o.orderNo,
    label:
      o.items.length > 1
        ? t('tickets.orderItems', { name: o.items[0].name, n: o.items.length })
        : (o.items[0]?.name ?? t('tickets.orderFallback')),
    productName: o.items[0]?.name ?? '',
    purchasedAt: o.paidAt,
  }))
}

/** The POST /api/tickets body for a complete draft: only fields with a value, evidence the subtype asks for. */
export function toCreateBody(d: TicketDraft): CreateTicketBody {
  const wanted = new Set((requirementsFor(d.subtype ?? '')?.evidence ?? []).map((e) => e.kind))
  const attachments: AttachmentInput[] = EVIDENCE_KIND_IDS.filter((k) => wanted.has(k)).flatMap((kind) =>
    doneFiles(d.evidence[kind]).map((f) => ({ uploadId: f.uploadId!, kind })),
  )
  const contact = {
    ...(d.contactEmail.trim() ? { email: d.contactEmail.trim() } : {}),
    ...(d.contactPhone.trim() ? { phone: d.contactPhone.trim() } : {}),
  }
  return {
    serviceType: d.serviceType!,
    subtype: d.subtype!,
    ...(d.orderNo.trim() ? { orderNo: d.orderNo.trim() } : {}),
    ...(d.productName.trim() ? { productName: d.productName.trim() } : {}),
    ...(d.purchasedAt ? { purchasedAt: d.purchasedAt } : {}),
    description: d.description.trim(),
    attachments,
    ...(d.outcome ? { outcome: d.outcome } : {}),
    ...(Object.keys(contact).length ? { contact } : {}),
    ...(d.caseNo ? { caseNo: d.caseNo } : {}),
  }
}
