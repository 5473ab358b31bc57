import { EVIDENCE_KINDS, type EvidenceKind, type ServiceTypeId } from '@shared/catalog-data'

/** A canned answer the agent can drop into the composer with one tap. */
export interface QuickPhrase {
  id: string
  label: string
  text: string
}

const GENERAL: QuickPhrase[] = [
  { id: 'greet', label: '问候', text: '您好，我是人工客服，很高兴为您服务。我已看过您和智能客服的对话，马上为您处理。' },
  { id: 'wait', label: '请稍等', text: '请您稍等，我正在为您查询，大约需要 1–2 分钟。' },
  { id: 'more', label: '还有问题吗', text: '请问还有其他可以帮您的吗？' },
  { id: 'bye', label: '结束语', text: '感谢您的耐心等待，祝您生活愉快！稍后请为本次服务评分。' },
]

/** Asks for one kind of evidence in the words of the catalog's upload hint. */
export function askForEvidence(kind: EvidenceKind): QuickPhrase {
  const e = EVIDENCE_KINDS[kind]
  return { id: `evidence-${kind}`, label: `要${e.zh}`, text: `麻烦您发一下${e.zh}：${e.hintZh}。收到后我马上为您处理。` }
}

const BY_TYPE: Record<ServiceTypeId, QuickPhrase[]> = {
  order: [
    { id: 'order-no', label: '要订单号', text: '麻烦点输入框旁的「订单」选一笔发给我（或直接发订单号），我马上为您查询。' },
    { id: 'order-urge', label: '已催发货', text: '已为您联系商家催促发货，商家承诺 48 小时内发出，发货后您会收到物流通知。' },
    { id: 'order-refund', label: '退款时效', text: '退款申请已提交，审核通过后款项将在 1–3 个工作日内原路退回。' },
  ],
  product: [
    askForEvidence('photos'),
    { id: 'product-return', label: '退换货', text: '这个问题可以为您办理退货或换货，请问您希望退货还是换货？' },
    { id: 'product-stock', label: '缺货说明', text: '该商品暂时缺货，到货后会第一时间通知您，您也可以选择取消订单全额退款。' },
  ],
  logistics: [
    askForEvidence('logistics_info'),
    { id: 'logistics-check', label: '已联系快递', text: '已联系快递公司核实包裹状态，24 小时内给您答复，请留意消息通知。' },
    { id: 'logistics-lost', label: '丢件处理', text: '经核实包裹已丢失，我们将为您补发或全额赔偿，请问您选择哪一种？' },
  ],
  payment: [
    askForEvidence('payment_screenshot'),
    { id: 'payment-retry', label: '重新支付', text: '这笔支付没有扣款成功，订单已保留，您可以在订单页重新支付。' },
    { id: 'payment-refund', label: '重复扣款', text: '如果重复扣款，多扣的金额会在 1–3 个工作日内自动退回原支付账户。' },
  ],
  member: [
    { id: 'member-points', label: '积分补回', text: '已核实您的积分未到账，将在 24 小时内为您补回，请留意积分明细。' },
    { id: 'member-level', label: '等级规则', text: '会员等级按近 12 个月的有效消费计算，每月 1 日更新。' },
    { id: 'member-account', label: '账号安全', text: '为了您的账号安全，请提供注册手机号后四位，我们核实身份后为您处理。' },
  ],
}

/** The phrases for a conversation: its service type's first, then the general ones. */
export function quickPhrasesFor(serviceType: string | null | undefined): QuickPhrase[] {
  const specific = serviceType && serviceType in BY_TYPE ? BY_TYPE[serviceType as ServiceTypeId] : []
  return [...specific, ...GENERAL]
}
