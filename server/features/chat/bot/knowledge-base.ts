/**
 * Knowledge base of the service bot, written as data so the help center FAQ
 * can show exactly the same answers. Chinese first, English alongside.
 *
 * Only the shared catalog may be imported here: the help center bundles this
 * file as well.
 */
import type { EvidenceKind, ServiceTypeId, SubtypeId } from '../../../../types/catalog-data'

/** One question-and-answer entry. */
export interface KbEntry {
  /** Stable id, referenced by quick replies and analytics. */
  readonly id: string
  /** Null for general entries (channels, tips) that belong to no service type. */
  readonly serviceType: ServiceTypeId | null
  readonly subtype?: SubtypeId
  /** Dotted intent name, e.g. 'logistics.lost'. */
  readonly intent: string
  readonly questionZh: string
  readonly questionEn: string
  readonly answerZh: string
  readonly answerEn: string
  /** Extra phrasings shoppers use, in either language; they only feed retrieval. */
  readonly keywords: readonly string[]
  readonly needsEvidence: readonly EvidenceKind[]
}

export const KNOWLEDGE_BASE: readonly KbEntry[] = [
  // -------------------------------------------------------------------------
  // Overviews: one per service type, used by the category quick replies
  // -------------------------------------------------------------------------
  {
    id: 'faq-order-overview',
    serviceType: 'order',
    intent: 'order.overview',
    questionZh: '订单问题怎么处理？',
    questionEn: 'How do you handle order problems?',
    answerZh:
      '订单问题包括：未发货、订单异常（状态不对或被取消）和退款。请告诉我具体情况并提供订单号（可在「我的订单」中复制），我会告诉您下一步怎么做。',
    answerEn:
      'Order problems cover: not shipped, order problems (wrong status or cancelled) and refunds. Tell me what happened and share the order number (copy it from "My orders") and I will walk you through the next step.',
    keywords: ['订单问题', '订单有问题', 'order problem', 'order issue', 'my order'],
    needsEvidence: [],
  },
  {
    id: 'faq-product-overview',
    serviceType: 'product',
    intent: 'product.overview',
    questionZh: '商品问题怎么处理？',
    questionEn: 'How do you handle product problems?',
    answerZh: '商品问题包括：商品损坏、缺货和与描述不符。损坏或描述不符时请拍下商品照片，我们会根据情况为您退货、换货、退款或补发。',
    answerEn:
      'Product problems cover: damaged items, out of stock and not as described. For damaged or not-as-described items please take photos; we can then arrange a return, exchange, refund or reship.',
    keywords: ['商品问题', '商品有问题', '东西有问题', 'product problem', 'item problem', 'product issue'],
    needsEvidence: [],
  },
  {
    id: 'faq-logistics-overview',
    serviceType: 'logistics',
    intent: 'logistics.overview',
    questionZh: '物流问题怎么处理？',
    questionEn: 'How do you handle delivery problems?',
    answerZh:
      '物流问题包括：物流延迟、物流异常（如显示签收却没收到、被退回）和包裹丢失。请提供订单号和物流详情页截图，我们会联系快递公司核实。',
    answerEn:
      'Delivery problems cover: delays, delivery problems (marked delivered but not received, returned to sender) and lost parcels. Share the order number and a screenshot of the tracking page and we will check with the courier.',
    keywords: ['物流问题', '快递问题', '快递有问题', 'delivery problem', 'shipping problem', 'courier problem'],
    needsEvidence: ['logistics_info'],
  },
  {
    id: 'faq-payment-overview',
    serviceType: 'payment',
    intent: 'payment.overview',
    questionZh: '支付问题怎么处理？',
    questionEn: 'How do you handle payment problems?',
    answerZh: '支付问题包括：支付失败、支付异常（重复扣款、金额不对）和支付被拦截。请提供订单号和支付记录截图，我们会核对扣款情况。',
    answerEn:
      'Payment problems cover: failed payments, payment problems (charged twice, wrong amount) and blocked payments. Share the order number and a screenshot of the payment record and we will check the charge.',
    keywords: ['支付问题', '付款问题', '付款有问题', 'payment problem', 'payment issue'],
    needsEvidence: ['payment_screenshot'],
  },
  {
    id: 'faq-member-overview',
    serviceType: 'member',
    intent: 'member.overview',
    questionZh: '会员问题怎么处理？',
    questionEn: 'How do you handle membership questions?',
    answerZh: '会员问题包括：积分、会员等级、会员权益、优惠券和账号。请告诉我具体遇到了什么情况。',
    answerEn: 'Membership questions cover points, member level, member benefits, coupons and your account. Tell me what is going on.',
    keywords: ['会员问题', 'membership question', 'member problem', 'vip问题'],
    needsEvidence: [],
  },

  // -------------------------------------------------------------------------
  // Order
  // -------------------------------------------------------------------------
  {
    id: 'faq-order-not-shipped',
    serviceType: 'order',
    subtype: 'not_shipped',
    intent: 'order.not_shipped',
    questionZh: '付款后一直没发货怎么办？',
    questionEn: 'I paid but my order has not shipped. What can I do?',
    answerZh:
      '一般商品在付款后 48 小时内发货，预售商品以商品页写明的时间为准。超过承诺时间仍未发货，请提交工单并附上订单号，我们会催促商家尽快发货；如果您不想等了，也可以申请退款。',
    answerEn:
      'Most items ship within 48 hours of payment; pre-orders ship on the date shown on the product page. If it is past the promised time, submit a ticket with your order number and we will push the seller to ship, or you can ask for a refund instead.',
    keywords: [
      '没发货',
      '还不发货',
      '怎么还没发',
      '迟迟不发货',
      '一直不发货',
      '超过48小时没发货',
      'order not shipped',
      'seller not shipping',
      'still not shipped',
    ],
    needsEvidence: [],
  },
  {
    id: 'faq-order-ship-time',
    serviceType: 'order',
    subtype: 'not_shipped',
    intent: 'order.ship_time',
    questionZh: '下单后什么时候发货？',
    questionEn: 'When will my order ship?',
    answerZh:
      '现货商品一般在付款后 48 小时内发货，预售或定制商品以商品页写明的发货时间为准。发货后您会收到通知，可在「我的订单」中查看物流。',
    answerEn:
      'In-stock items usually ship within 48 hours of payment; pre-order or made-to-order items ship on the date shown on the product page. You will be notified when it ships and can follow it in "My orders".',
    keywords: [
      '什么时候发货',
      '多久发货',
      '几天发货',
      '发货时间',
      '预售什么时候发',
      'when will it ship',
      'how long to ship',
      'shipping time',
      'when do you ship',
    ],
    needsEvidence: [],
  },
  {
    id: 'faq-order-expedite',
    serviceType: 'order',
    subtype: 'not_shipped',
    intent: 'order.expedite',
    questionZh: '可以催一下发货吗？',
    questionEn: 'Can you hurry the seller to ship?',
    answerZh: '可以。请提供订单号，我们会通知商家加急处理，通常 24 小时内给您回复发货进度。',
    answerEn: 'Yes. Share the order number and we will ask the seller to speed it up; we usually update you on shipping within 24 hours.',
    keywords: ['催发货', '催一下', '加急', '快点发货', '尽快发货', 'hurry', 'expedite', 'rush', 'speed up'],
    needsEvidence: [],
  },
  {
    id: 'faq-order-cancelled',
    serviceType: 'order',
    subtype: 'order_abnormal',
    intent: 'order.cancelled',
    questionZh: '我的订单为什么被取消了？',
    questionEn: 'Why was my order cancelled?',
    answerZh:
      '订单可能因超时未支付、商品缺货或系统风控被取消。已付款的订单取消后，货款会原路退回，一般 1–3 个工作日到账。如果您没有申请取消，请提交工单并附上订单号，我们来核实原因。',
    answerEn:
      'Orders can be cancelled when payment times out, the item runs out, or a risk check stops them. If you had paid, the money goes back to the original payment method, usually within 1–3 business days. If you did not cancel it, submit a ticket with the order number and we will find out why.',
    keywords: ['订单被取消', '订单自动取消', '订单关闭了', '交易关闭', 'order cancelled', 'order was canceled', 'why cancelled'],
    needsEvidence: [],
  },
  {
    id: 'faq-order-abnormal',
    serviceType: 'order',
    subtype: 'order_abnormal',
    intent: 'order.abnormal',
    questionZh: '订单状态显示异常怎么办？',
    questionEn: 'My order shows a wrong status.',
    answerZh:
      '如果订单一直显示「待发货」「处理中」，或找不到订单、状态与实际不符，请提交工单并附上订单号和问题描述，我们会在 24 小时内核实并回复，一般 3 天内处理完毕。',
    answerEn:
      'If the order is stuck on "awaiting shipment" or "processing", is missing, or the status is wrong, submit a ticket with the order number and a description. We reply within 24 hours and usually resolve it within 3 days.',
    keywords: [
      '订单异常',
      '订单状态不对',
      '订单找不到',
      '订单不见了',
      '订单显示错误',
      'order status wrong',
      'order error',
      'order missing',
      'order stuck',
    ],
    needsEvidence: [],
  },
  {
    id: 'faq-order-cancel-how',
    serviceType: 'order',
    subtype: 'order_abnormal',
    intent: 'order.cancel_how',
    questionZh: '怎么取消订单？',
    questionEn: 'How do I cancel an order?',
    answerZh: '未发货的订单可在「我的订单」中点击「取消订单」，款项原路退回。已发货的订单无法直接取消，可以拒收或收货后申请退货退款。',
    answerEn:
      'Orders that have not shipped can be cancelled from "My orders"; the money goes back to your original payment method. Shipped orders cannot be cancelled, but you can refuse delivery or request a return after it arrives.',
    keywords: ['取消订单', '不想要了', '不要了', '拍错了', '买错了', 'cancel my order', 'cancel order', 'ordered by mistake'],
    needsEvidence: [],
  },
  {
    id: 'faq-order-change-address',
    serviceType: 'order',
    intent: 'order.change_address',
    questionZh: '下单后可以修改收货地址吗？',
    questionEn: 'Can I change the delivery address after ordering?',
    answerZh:
      '订单发货前可以在「我的订单」→「修改地址」中修改。已经发货的订单请尽快联系我们并提供订单号，我们会尝试联系快递改派，但不能保证成功。',
    answerEn:
      'Before the order ships you can change it in "My orders" → "Change address". If it has already shipped, contact us with the order number as soon as possible and we will ask the courier to redirect it, though that is not guaranteed.',
    keywords: [
      '改地址',
      '修改地址',
      '地址写错了',
      '换收货地址',
      '收货人写错',
      'change address',
      'wrong address',
      'update address',
      'edit address',
    ],
    needsEvidence: [],
  },
  {
    id: 'faq-order-refund-apply',
    serviceType: 'order',
    subtype: 'refund',
    intent: 'order.refund_apply',
    questionZh: '怎么申请退款？',
    questionEn: 'How do I request a refund?',
    answerZh:
      '在「我的订单」中找到该订单，点击「申请退款」并选择原因即可。未发货订单可直接退款；已收货的请选择「退货退款」。如果按钮不可用，请提交工单并附上订单号。',
    answerEn:
      'Open the order in "My orders", tap "Request refund" and choose a reason. Unshipped orders can be refunded directly; for delivered items choose "Return and refund". If the button is unavailable, submit a ticket with the order number.',
    keywords: [
      '申请退款',
      '我要退款',
      '想退款',
      '怎么退钱',
      '退款流程',
      'request refund',
      'how to refund',
      'i want a refund',
      'get my money back',
    ],
    needsEvidence: [],
  },
  {
    id: 'faq-order-refund-time',
    serviceType: 'order',
    subtype: 'refund',
    intent: 'order.refund_time',
    questionZh: '退款多久到账？',
    questionEn: 'How long does a refund take?',
    answerZh:
      '退款审核通过后原路退回：微信零钱一般即时到账，银行卡 1–3 个工作日，信用卡最长 7 个工作日。超过这个时间仍未到账，请提交工单并附上订单号，我们帮您查询。',
    answerEn:
      'Once approved the refund goes back to the original method: WeChat balance is usually instant, bank cards take 1–3 business days and credit cards up to 7. If it is later than that, submit a ticket with the order number and we will trace it.',
    keywords: [
      '退款多久到账',
      '退款没到账',
      '退款什么时候到',
      '退款多久能到',
      '钱多久能退回来',
      '钱什么时候退回来',
      '退款到哪里',
      'refund time',
      'when will i get my refund',
      'refund not received',
      'refund not credited',
    ],
    needsEvidence: [],
  },
  {
    id: 'faq-order-refund-rejected',
    serviceType: 'order',
    subtype: 'refund',
    intent: 'order.refund_rejected',
    questionZh: '退款申请被拒绝了怎么办？',
    questionEn: 'My refund request was rejected.',
    answerZh: '请先查看商家给出的拒绝理由。如有异议，请提交工单并附上订单号、沟通截图和您的诉求，平台会介入处理，24 小时内回复。',
    answerEn:
      'First check the reason the seller gave. If you disagree, submit a ticket with the order number, chat screenshots and what you want; the platform will step in and reply within 24 hours.',
    keywords: ['退款被拒', '商家拒绝退款', '不给退款', '不同意退款', '驳回', 'refund rejected', 'refund denied', 'seller refused refund'],
    needsEvidence: [],
  },
  {
    id: 'faq-order-return-how',
    serviceType: 'order',
    subtype: 'refund',
    intent: 'order.return_how',
    questionZh: '怎么退货？',
    questionEn: 'How do I return an item?',
    answerZh:
      '大部分商品支持签收后 7 天无理由退货。在「我的订单」中申请「退货退款」，审核通过后按页面上的地址寄回并填写快递单号。商家收货后退款原路退回。商品有质量问题的，退货运费由商家承担。',
    answerEn:
      'Most items can be returned within 7 days of delivery, no reason needed. Request "Return and refund" in "My orders", send the item to the address shown once approved and enter the tracking number. The refund is issued when the seller receives it; return shipping is on the seller for faulty items.',
    keywords: [
      '退货',
      '怎么退货',
      '退货流程',
      '七天无理由',
      '退货地址',
      '退货运费',
      'how to return',
      'return policy',
      'send it back',
      'return shipping',
    ],
    needsEvidence: [],
  },
  {
    id: 'faq-order-invoice',
    serviceType: 'order',
    subtype: 'invoice',
    intent: 'order.invoice',
    questionZh: '怎么开发票？',
    questionEn: 'How do I get an invoice?',
    answerZh:
      '订单完成后可在「我的订单」→「申请开票」中填写抬头和税号，电子发票一般 3 个工作日内发送到您的邮箱。需要修改发票信息请提交工单并附上订单号。',
    answerEn:
      'After the order completes, go to "My orders" → "Request invoice" and enter the title and tax ID; the e-invoice reaches your email within about 3 business days. To change invoice details, submit a ticket with the order number.',
    keywords: ['开发票', '要发票', '发票抬头', '电子发票', '发票怎么开', '补开发票', 'invoice', 'vat invoice', 'receipt', 'fapiao'],
    needsEvidence: [],
  },
  {
    id: 'faq-order-price-protect',
    serviceType: 'order',
    subtype: 'price_protect',
    intent: 'order.price_protect',
    questionZh: '买完就降价了，可以退差价吗？',
    questionEn: 'The price dropped after I bought it. Can I get the difference?',
    answerZh: '支持价保的商品在付款后 7 天内降价，可在订单详情页申请价保，差价原路退回。不支持价保的商品以商品页说明为准。',
    answerEn:
      'For items with price protection, if the price drops within 7 days of payment you can claim the difference from the order page; it goes back to your payment method. Other items follow the product page terms.',
    keywords: ['降价了', '退差价', '价保', '价格保护', 'price drop', 'price protection', 'refund the difference'],
    needsEvidence: [],
  },

  // -------------------------------------------------------------------------
  // Product
  // -------------------------------------------------------------------------
  {
    id: 'faq-product-damaged',
    serviceType: 'product',
    subtype: 'damaged',
    intent: 'product.damaged',
    questionZh: '收到的商品坏了怎么办？',
    questionEn: 'The item I received is damaged.',
    answerZh:
      '很抱歉给您带来不便。请拍摄商品整体、损坏部位以及外包装和快递面单的照片（至少 2 张），连同订单号提交工单。我们会在 24 小时内回复，一般 3 天内为您退货、换货、退款或补发。',
    answerEn:
      'Sorry about that. Please take photos of the whole item, the damage, and the outer box and shipping label (at least 2), and submit a ticket with the order number. We reply within 24 hours and usually arrange a return, exchange, refund or reship within 3 days.',
    keywords: [
      '坏了',
      '破损',
      '碎了',
      '摔坏了',
      '压坏了',
      '有裂痕',
      '外包装破了',
      '收到就是坏的',
      'arrived broken',
      'arrived damaged',
      'broken on arrival',
      'cracked',
    ],
    needsEvidence: ['photos'],
  },
  {
    id: 'faq-product-defective',
    serviceType: 'product',
    subtype: 'damaged',
    intent: 'product.defective',
    questionZh: '商品有质量问题、不能用怎么办？',
    questionEn: 'The item is faulty and does not work.',
    answerZh:
      '请拍摄能看出问题的照片或视频截图（至少 2 张），说明什么时候开始出现问题，连同订单号提交工单。质量问题退换货的运费由商家承担。',
    answerEn:
      'Please take photos or video stills that show the fault (at least 2), say when it started, and submit a ticket with the order number. Return shipping for faulty items is paid by the seller.',
    keywords: [
      '质量问题',
      '不能用',
      '用不了',
      '开不了机',
      '用了几天就坏',
      '有瑕疵',
      '故障',
      'faulty',
      'defective',
      "doesn't work",
      'stopped working',
    ],
    needsEvidence: ['photos'],
  },
  {
    id: 'faq-product-out-of-stock',
    serviceType: 'product',
    subtype: 'out_of_stock',
    intent: 'product.out_of_stock',
    questionZh: '下单后商家说缺货怎么办？',
    questionEn: 'The seller says my item is out of stock.',
    answerZh:
      '您可以选择等待补货、更换其他款式，或申请全额退款。请告诉我们商品名称和订单号，我们会联系商家确认补货时间；如商家无法发货，可按平台规则获得赔付。',
    answerEn:
      'You can wait for restock, switch to another option, or get a full refund. Tell us the product name and order number and we will ask the seller for a restock date; if they cannot ship, platform rules may entitle you to compensation.',
    keywords: ['缺货', '没货了', '断货', '商家说没货', '下单后缺货', 'out of stock', 'seller has no stock', 'sold out after i ordered'],
    needsEvidence: [],
  },
  {
    id: 'faq-product-restock',
    serviceType: 'product',
    subtype: 'out_of_stock',
    intent: 'product.restock',
    questionZh: '商品显示无货，什么时候补货？',
    questionEn: 'When will a sold-out item be back in stock?',
    answerZh: '在商品页点击「到货通知」，补货后我们会第一时间提醒您。如需了解具体补货时间，请告诉我们商品名称。',
    answerEn:
      'Tap "Notify me" on the product page and we will tell you as soon as it is back. For a restock date, tell us the product name.',
    keywords: ['什么时候补货', '到货通知', '有货了吗', '售罄', '无货', 'back in stock', 'restock', 'sold out', 'notify me'],
    needsEvidence: [],
  },
  {
    id: 'faq-product-not-as-described',
    serviceType: 'product',
    subtype: 'not_as_described',
    intent: 'product.not_as_described',
    questionZh: '收到的商品和描述不符怎么办？',
    questionEn: 'The item is not as described.',
    answerZh:
      '请拍摄实物照片（至少 1 张），最好能和商品页图片对比，说明哪里不一致（颜色、尺寸、材质、型号等），连同订单号提交工单。核实后可为您退货、换货或退款，运费由商家承担。',
    answerEn:
      'Please take photos of what you received (at least 1), ideally next to the product page pictures, say what differs (colour, size, material, model…) and submit a ticket with the order number. Once confirmed we arrange a return, exchange or refund at the seller\u2019s cost.',
    keywords: [
      '描述不符',
      '和图片不一样',
      '货不对板',
      '色差',
      '尺寸不对',
      '材质不对',
      '实物和图片不一样',
      'not as described',
      'different from the picture',
      "doesn't match the description",
    ],
    needsEvidence: ['photos'],
  },
  {
    id: 'faq-product-wrong-item',
    serviceType: 'product',
    subtype: 'not_as_described',
    intent: 'product.wrong_item',
    questionZh: '商家发错货或少发了怎么办？',
    questionEn: 'I received the wrong item or something is missing.',
    answerZh: '请拍摄收到的商品、包装内全部物品和快递面单的照片，说明少了什么或发错了什么，连同订单号提交工单，我们会安排补发或换货。',
    answerEn:
      'Please photograph what you received, everything in the box and the shipping label, say what is missing or wrong, and submit a ticket with the order number. We will arrange a reship or exchange.',
    keywords: [
      '发错货',
      '发错了',
      '少发',
      '漏发',
      '少件',
      '缺件',
      '颜色发错',
      '尺码发错',
      'wrong item',
      'wrong size sent',
      'missing item',
      'missing parts',
    ],
    needsEvidence: ['photos'],
  },
  {
    id: 'faq-product-fake',
    serviceType: 'product',
    subtype: 'not_as_described',
    intent: 'product.authenticity',
    questionZh: '怀疑买到假货怎么办？',
    questionEn: 'I think the item is fake.',
    answerZh:
      '请拍摄商品、吊牌、防伪标识和包装的照片，连同订单号提交工单。平台会要求商家提供进货凭证，核实为假货的可退货退款并按规则赔付。',
    answerEn:
      'Please photograph the item, tags, anti-counterfeit labels and packaging and submit a ticket with the order number. We will ask the seller for proof of sourcing; if it is counterfeit you get a return, refund and compensation under platform rules.',
    keywords: ['假货', '不是正品', '仿冒', '山寨', '正品吗', 'fake', 'counterfeit', 'not genuine', 'authentic'],
    needsEvidence: ['photos'],
  },
  {
    id: 'faq-product-missing-item',
    serviceType: 'product',
    subtype: 'missing_item',
    intent: 'product.missing_item',
    questionZh: '收到的包裹少了东西怎么办？',
    questionEn: 'Something is missing from my parcel. What now?',
    answerZh:
      '少件、漏发或赠品没收到需要和仓库核实出库记录。请保留外包装和快递面单，拍下收到的全部商品，然后提交工单或转人工客服，核实后为您补发或退款。',
    answerEn:
      'Missing items or gifts need a check of the warehouse packing record. Keep the box and shipping label, photograph everything you received, then submit a ticket or talk to an agent; once checked we reship or refund.',
    keywords: ['少发', '漏发', '少件', '缺件', '赠品没收到', '配件少了', 'missing item', 'missing parts'],
    needsEvidence: ['photos'],
  },
  {
    id: 'faq-product-after-sales',
    serviceType: 'product',
    subtype: 'after_sales',
    intent: 'product.after_sales',
    questionZh: '怎么申请售后维修？',
    questionEn: 'How do I get a repair under warranty?',
    answerZh:
      '在「我的订单」→ 订单详情 →「申请售后」可以选择维修、换货或退货；保修期内的质量问题免费维修，大家电可以预约上门检修，寄修的商品修好后会寄回并给您物流单号。',
    answerEn:
      'In My orders → order details → After-sales choose repair, exchange or return. Faults within the warranty are repaired free, large appliances can get a home visit, and mail-in repairs come back with a tracking number.',
    keywords: ['售后', '返修', '维修', '保修', '质保', '寄修', '三包', 'repair', 'warranty', 'after-sales'],
    needsEvidence: ['photos'],
  },
  {
    id: 'faq-product-size-exchange',
    serviceType: 'product',
    intent: 'product.exchange',
    questionZh: '尺码不合适可以换货吗？',
    questionEn: 'Can I exchange for a different size?',
    answerZh: '支持换货的商品在签收后 7 天内、商品未使用且不影响二次销售时，可在「我的订单」中申请换货。非质量问题换货的运费由您承担。',
    answerEn:
      'Items that allow exchanges can be swapped within 7 days of delivery if unused and resaleable: request it in "My orders". For exchanges that are not due to a fault, you pay the shipping.',
    keywords: ['换货', '换尺码', '尺码不合适', '大了', '小了', '换颜色', '换个码', 'exchange', 'different size', 'too small', 'too big'],
    needsEvidence: [],
  },

  // -------------------------------------------------------------------------
  // Logistics
  // -------------------------------------------------------------------------
  {
    id: 'faq-logistics-delayed',
    serviceType: 'logistics',
    subtype: 'delayed',
    intent: 'logistics.delayed',
    questionZh: '快递好几天了还没到怎么办？',
    questionEn: 'My parcel is late. What can I do?',
    answerZh:
      '快递一般 2–5 天送达，偏远地区或大促期间会慢一些。超过预计送达时间，请提供订单号和物流详情页截图，我们会联系快递公司催件，24 小时内回复您。',
    answerEn:
      'Parcels usually arrive in 2–5 days; remote areas and big sales take longer. If it is past the expected date, share the order number and a tracking page screenshot and we will chase the courier and reply within 24 hours.',
    keywords: [
      '快递还没到',
      '物流太慢',
      '几天了还没到',
      '超过预计时间',
      '什么时候能到',
      '怎么还不到',
      'parcel late',
      'delivery delayed',
      'package not arrived',
      'where is my package',
      'when will it arrive',
    ],
    needsEvidence: ['logistics_info'],
  },
  {
    id: 'faq-logistics-no-update',
    serviceType: 'logistics',
    subtype: 'delayed',
    intent: 'logistics.no_update',
    questionZh: '物流信息好几天不更新了？',
    questionEn: 'Tracking has not updated for days.',
    answerZh: '物流停在某个站点超过 3 天未更新，可能是中转积压或信息未上传。请提供订单号和物流详情页截图，我们会联系快递公司核实包裹位置。',
    answerEn:
      'If tracking has been stuck at one location for more than 3 days, it may be a transit backlog or missing scans. Share the order number and a screenshot of the tracking page and we will ask the courier where the parcel is.',
    keywords: [
      '物流不更新',
      '物流信息没更新',
      '物流停了',
      '一直在中转',
      '卡在',
      '没有物流信息',
      'tracking not updated',
      'tracking stuck',
      'no tracking update',
    ],
    needsEvidence: ['logistics_info'],
  },
  {
    id: 'faq-logistics-track',
    serviceType: 'logistics',
    subtype: 'delayed',
    intent: 'logistics.track',
    questionZh: '怎么查看物流信息？',
    questionEn: 'How do I track my parcel?',
    answerZh: '在「我的订单」中点开订单即可看到物流轨迹和快递单号，也可以用快递单号到快递公司官网查询。',
    answerEn:
      'Open the order in "My orders" to see the tracking history and tracking number; you can also look the number up on the courier\u2019s website.',
    keywords: ['查物流', '查快递', '快递单号在哪', '物流信息在哪看', '看物流', 'track my order', 'tracking number', 'where is my tracking'],
    needsEvidence: [],
  },
  {
    id: 'faq-logistics-abnormal',
    serviceType: 'logistics',
    subtype: 'logistics_abnormal',
    intent: 'logistics.abnormal',
    questionZh: '物流显示异常或被退回怎么办？',
    questionEn: 'Tracking shows a problem or the parcel is being returned.',
    answerZh:
      '物流显示「异常」「退回」「拒收」等状态时，请提供订单号和物流详情页截图。我们会联系快递公司确认原因，为您安排重新派送、补发或退款。',
    answerEn:
      'If tracking says "exception", "returned" or "refused", share the order number and a screenshot of the tracking page. We will find out why from the courier and arrange redelivery, a reship or a refund.',
    keywords: [
      '物流异常',
      '快递被退回',
      '显示退回',
      '拒收',
      '派送失败',
      '快递异常',
      'delivery exception',
      'returned to sender',
      'delivery failed',
    ],
    needsEvidence: ['logistics_info'],
  },
  {
    id: 'faq-logistics-signed-not-received',
    serviceType: 'logistics',
    subtype: 'logistics_abnormal',
    intent: 'logistics.signed_not_received',
    questionZh: '物流显示已签收，但我没收到？',
    questionEn: 'Tracking says delivered but I never got it.',
    answerZh:
      '请先问问家人、门卫，查看快递柜和附近驿站。仍然找不到的话，请在签收后 48 小时内提供订单号和物流详情页截图，我们会联系快递核实签收人，核实后为您补发或退款。',
    answerEn:
      'Please check with family, reception, parcel lockers and nearby pickup points first. If it is still missing, within 48 hours of the delivery scan share the order number and a tracking screenshot; we will check who signed and then reship or refund.',
    keywords: [
      '显示签收没收到',
      '已签收但没收到',
      '被人代签',
      '快递柜没有',
      '驿站找不到',
      'marked delivered not received',
      'says delivered but',
      'signed but not received',
    ],
    needsEvidence: ['logistics_info'],
  },
  {
    id: 'faq-logistics-redirect',
    serviceType: 'logistics',
    subtype: 'logistics_abnormal',
    intent: 'logistics.redirect',
    questionZh: '快递送错地方了，能改派吗？',
    questionEn: 'The courier is delivering to the wrong address.',
    answerZh: '请提供订单号、物流截图和正确地址，我们会联系快递公司尝试改派。包裹已签收的无法改派，可按「显示签收但没收到」处理。',
    answerEn:
      'Share the order number, a tracking screenshot and the correct address and we will ask the courier to redirect. Once delivered it cannot be redirected; we then handle it as "delivered but not received".',
    keywords: [
      '改派',
      '派送地址错误',
      '快递送错地方',
      '送错了',
      '转寄',
      'wrong delivery address',
      'redirect parcel',
      'delivered to wrong place',
    ],
    needsEvidence: ['logistics_info'],
  },
  {
    id: 'faq-logistics-lost',
    serviceType: 'logistics',
    subtype: 'lost',
    intent: 'logistics.lost',
    questionZh: '包裹丢了怎么办？',
    questionEn: 'My parcel is lost.',
    answerZh:
      '很抱歉。请提供订单号和物流详情页截图，我们会联系快递公司确认。确认丢件后为您补发或全额退款；如需赔偿，我们会转人工客服跟进。',
    answerEn:
      'Sorry about that. Share the order number and a screenshot of the tracking page and we will confirm with the courier. Once the loss is confirmed we reship or refund in full; for compensation an agent will follow up.',
    keywords: [
      '包裹丢了',
      '快递丢了',
      '丢件',
      '包裹丢失',
      '快递弄丢了',
      '查无此件',
      'parcel lost',
      'package lost',
      'lost in transit',
      'courier lost my package',
    ],
    needsEvidence: ['logistics_info'],
  },

  // -------------------------------------------------------------------------
  // Payment
  // -------------------------------------------------------------------------
  {
    id: 'faq-payment-failed',
    serviceType: 'payment',
    subtype: 'payment_failed',
    intent: 'payment.failed',
    questionZh: '付款时提示支付失败怎么办？',
    questionEn: 'Checkout says my payment failed.',
    answerZh:
      '请检查网络、银行卡余额和单笔限额后重试，或换一种支付方式。如果多次失败，请截图失败提示，连同订单号提交工单，我们会协助排查。',
    answerEn:
      'Check your connection, card balance and per-payment limit and try again, or use another payment method. If it keeps failing, take a screenshot of the error and submit a ticket with the order number.',
    keywords: [
      '支付失败',
      '付款失败',
      '付不了款',
      '无法支付',
      '支付不成功',
      '一直付款失败',
      'payment failed',
      "can't pay",
      'payment not going through',
    ],
    needsEvidence: ['payment_screenshot'],
  },
  {
    id: 'faq-payment-charged-unpaid',
    serviceType: 'payment',
    subtype: 'payment_failed',
    intent: 'payment.charged_unpaid',
    questionZh: '钱扣了但订单显示未支付？',
    questionEn: 'I was charged but the order says unpaid.',
    answerZh:
      '支付结果同步偶尔会延迟，请 10 分钟后刷新订单。仍显示未支付的，扣款一般会在 1–3 个工作日内自动退回；请保留扣款记录截图并提供订单号，我们帮您核实。',
    answerEn:
      'Payment results sometimes sync late; refresh the order after 10 minutes. If it still shows unpaid, the charge is usually returned automatically within 1–3 business days. Keep a screenshot of the charge and share the order number so we can check.',
    keywords: [
      '扣款了订单未支付',
      '钱扣了没下单成功',
      '付了钱显示未付款',
      '扣钱了但是没成功',
      'charged but unpaid',
      'money taken order unpaid',
      'paid but order not paid',
    ],
    needsEvidence: ['payment_screenshot'],
  },
  {
    id: 'faq-payment-double-charge',
    serviceType: 'payment',
    subtype: 'payment_abnormal',
    intent: 'payment.double_charge',
    questionZh: '被重复扣款了怎么办？',
    questionEn: 'I was charged twice.',
    answerZh: '请提供订单号和两笔扣款的支付记录截图。核实为重复扣款后，多扣的金额会原路退回，一般 1–3 个工作日到账。',
    answerEn:
      'Share the order number and screenshots of both charges. Once we confirm the duplicate, the extra amount goes back to your payment method, usually within 1–3 business days.',
    keywords: ['重复扣款', '扣了两次', '多扣钱', '付了两次', '重复支付', 'charged twice', 'double charged', 'duplicate charge'],
    needsEvidence: ['payment_screenshot'],
  },
  {
    id: 'faq-payment-amount-wrong',
    serviceType: 'payment',
    subtype: 'payment_abnormal',
    intent: 'payment.amount_wrong',
    questionZh: '支付金额不对、优惠没减怎么办？',
    questionEn: 'I paid the wrong amount or a discount was not applied.',
    answerZh: '请提供订单号、支付记录截图和您看到的优惠信息，我们会核对订单价格，多付的部分原路退回。',
    answerEn:
      'Share the order number, a screenshot of the payment and the discount you expected; we will check the price and refund any overpayment.',
    keywords: [
      '支付金额不对',
      '多付了钱',
      '优惠没减',
      '满减没生效',
      '价格不对',
      '金额错误',
      'wrong amount',
      'overcharged',
      'discount not applied',
    ],
    needsEvidence: ['payment_screenshot'],
  },
  {
    id: 'faq-payment-blocked',
    serviceType: 'payment',
    subtype: 'payment_blocked',
    intent: 'payment.blocked',
    questionZh: '付款被银行或风控拦截了怎么办？',
    questionEn: 'My payment was blocked by the bank or risk control.',
    answerZh:
      '被银行拦截时，请联系发卡行确认是否开通了网上支付并调整限额；被平台风控拦截时，请截图拦截提示并提供订单号，我们会人工复核，通常 24 小时内给您答复。复核期间可以换一种支付方式。',
    answerEn:
      'If your bank blocked it, ask the bank to enable online payments or raise the limit. If our risk control blocked it, screenshot the message and share the order number; we review it manually, usually within 24 hours. You can use another payment method meanwhile.',
    keywords: [
      '支付被拦截',
      '风控拦截',
      '交易存在风险',
      '银行拦截',
      '交易受限',
      '被风控了',
      'payment blocked',
      'risk control',
      'card declined',
      'bank blocked',
    ],
    needsEvidence: ['payment_screenshot'],
  },
  {
    id: 'faq-payment-methods',
    serviceType: 'payment',
    intent: 'payment.methods',
    questionZh: '支持哪些支付方式？',
    questionEn: 'Which payment methods can I use?',
    answerZh: '目前支持微信支付（零钱、银行卡、信用卡）。部分商品支持分期付款，以结算页显示为准。',
    answerEn: 'We accept WeChat Pay (balance, debit and credit cards). Some items offer instalments, as shown at checkout.',
    keywords: ['支付方式', '能用信用卡吗', '可以分期吗', '怎么付款', 'payment methods', 'credit card', 'instalments', 'how to pay'],
    needsEvidence: [],
  },

  // -------------------------------------------------------------------------
  // Member
  // -------------------------------------------------------------------------
  {
    id: 'faq-member-points-missing',
    serviceType: 'member',
    subtype: 'points',
    intent: 'member.points_missing',
    questionZh: '积分没有到账怎么办？',
    questionEn: 'My points have not been credited.',
    answerZh: '购物积分在确认收货 7 天后发放。超过时间仍未到账或积分被错误扣除，请告诉我们相关订单和积分变动情况，核实后为您补回积分。',
    answerEn:
      'Shopping points are credited 7 days after you confirm delivery. If they are late or were deducted by mistake, tell us the order and what changed and we will restore them once checked.',
    keywords: ['积分没到账', '积分少了', '积分被扣', '积分不见了', '没给积分', 'points missing', 'points not credited', 'points deducted'],
    needsEvidence: [],
  },
  {
    id: 'faq-member-points-use',
    serviceType: 'member',
    subtype: 'points',
    intent: 'member.points_use',
    questionZh: '积分怎么用？会过期吗？',
    questionEn: 'How do I use points, and do they expire?',
    answerZh: '积分可在结算时抵扣现金（100 积分抵 1 元）或在积分商城兑换礼品。积分有效期为获得后的第二年年底，到期自动清零。',
    answerEn: 'Use points at checkout (100 points = ¥1) or in the points store. Points expire at the end of the year after you earn them.',
    keywords: ['积分怎么用', '积分兑换', '积分过期', '积分抵现', '积分有效期', 'use points', 'redeem points', 'points expire'],
    needsEvidence: [],
  },
  {
    id: 'faq-member-level',
    serviceType: 'member',
    subtype: 'level',
    intent: 'member.level',
    questionZh: '会员等级怎么升级？',
    questionEn: 'How do I move up a member level?',
    answerZh: '会员等级按近 12 个月的有效消费累计计算，每天更新一次。在「我的」→「会员中心」可以看到当前等级和升级进度。',
    answerEn:
      'Your level is based on spending over the last 12 months and updates daily. See your level and progress under "Me" → "Member center".',
    keywords: ['会员等级', '怎么升级', '等级规则', '成长值', 'member level', 'how to upgrade', 'vip level', 'tier'],
    needsEvidence: [],
  },
  {
    id: 'faq-member-level-downgrade',
    serviceType: 'member',
    subtype: 'level',
    intent: 'member.level_downgrade',
    questionZh: '会员等级为什么降级了？',
    questionEn: 'Why was my member level downgraded?',
    answerZh: '等级按近 12 个月消费滚动计算，早期订单过期或发生退款都可能导致降级。如果您认为计算有误，请说明情况，我们帮您核实。',
    answerEn:
      'Levels use a rolling 12-month window, so older orders dropping out or refunds can lower it. If you think it is wrong, tell us and we will check.',
    keywords: ['会员降级', '等级掉了', '等级没升', '等级不对', 'level downgraded', 'lost my level', 'tier dropped'],
    needsEvidence: [],
  },
  {
    id: 'faq-member-benefits',
    serviceType: 'member',
    subtype: 'benefits',
    intent: 'member.benefits',
    questionZh: '会员有哪些权益？权益没到账怎么办？',
    questionEn: 'What are the member benefits, and what if I did not get them?',
    answerZh: '会员权益包括会员专享券、包邮次数和生日礼等，以会员中心展示为准。权益未发放或无法使用，请说明是哪项权益，我们帮您补发。',
    answerEn:
      'Benefits include member coupons, free-shipping passes and a birthday gift, as listed in the member center. If one is missing or unusable, tell us which and we will reissue it.',
    keywords: ['会员权益', '会员福利', '包邮次数', '生日礼', '权益没到账', 'member benefits', 'member perks', 'free shipping'],
    needsEvidence: [],
  },
  {
    id: 'faq-member-renewal',
    serviceType: 'member',
    subtype: 'benefits',
    intent: 'member.renewal',
    questionZh: '怎么取消会员自动续费？',
    questionEn: 'How do I stop membership auto-renewal?',
    answerZh: '在微信「我」→「服务」→「钱包」→「支付设置」→「自动续费」中关闭即可。已扣费但未使用权益的，可提交工单申请退款。',
    answerEn:
      'Turn it off in WeChat: Me → Services → Wallet → Payment settings → Auto-renewal. If you were charged and have not used the benefits, submit a ticket for a refund.',
    keywords: ['取消自动续费', '关闭续费', '自动扣会员费', '不想续费', 'cancel auto-renewal', 'stop subscription', 'cancel membership'],
    needsEvidence: [],
  },
  {
    id: 'faq-member-coupon',
    serviceType: 'member',
    subtype: 'coupon',
    intent: 'member.coupon',
    questionZh: '优惠券用不了怎么办？',
    questionEn: 'My coupon does not work.',
    answerZh:
      '请检查优惠券的使用门槛、适用商品和有效期；部分特价商品不能叠加使用。确认满足条件仍无法使用，请截图优惠券详情告诉我们。过期的优惠券无法恢复。',
    answerEn:
      'Check the minimum spend, eligible items and expiry date; some sale items cannot be combined. If it still will not apply, send us a screenshot of the coupon. Expired coupons cannot be restored.',
    keywords: [
      '优惠券用不了',
      '优惠券不能用',
      '券用不了',
      '优惠券过期',
      '领券',
      '优惠券在哪',
      'coupon not working',
      'voucher invalid',
      'coupon expired',
    ],
    needsEvidence: [],
  },
  {
    id: 'faq-member-account-locked',
    serviceType: 'member',
    subtype: 'account',
    intent: 'member.account_locked',
    questionZh: '账号被冻结或封禁了怎么办？',
    questionEn: 'My account is locked or suspended.',
    answerZh: '账号冻结需要人工核实身份，我们会为您转接人工客服。请准备好注册手机号，不要向任何人透露验证码。',
    answerEn:
      'Unlocking an account needs an agent to verify your identity, so we will connect you. Have your registered phone number ready and never share verification codes.',
    keywords: [
      '账号被冻结',
      '账号被封',
      '封号',
      '账号锁定',
      '账户冻结',
      'account locked',
      'account suspended',
      'account banned',
      'account frozen',
    ],
    needsEvidence: [],
  },
  {
    id: 'faq-member-login',
    serviceType: 'member',
    subtype: 'account',
    intent: 'member.login',
    questionZh: '登录不了、想换绑手机号怎么办？',
    questionEn: 'I cannot sign in or want to change my phone number.',
    answerZh:
      '本小程序使用微信授权登录，请确认微信已更新到最新版本后重试。换绑手机号可在「我的」→「账号设置」中操作，原号码已停用的请提交工单。',
    answerEn:
      'The mini-program signs you in with WeChat; update WeChat and try again. Change your phone number under "Me" → "Account settings"; if the old number no longer works, submit a ticket.',
    keywords: ['登录不了', '登不上', '换绑手机', '手机号换了', '账号登录', 'cannot log in', 'sign in problem', 'change phone number'],
    needsEvidence: [],
  },

  // -------------------------------------------------------------------------
  // Channels
  // -------------------------------------------------------------------------
  {
    id: 'faq-channel-hotline',
    serviceType: null,
    intent: 'channel.hotline',
    questionZh: '客服电话是多少？',
    questionEn: 'What is the customer service phone number?',
    answerZh: '客服热线 95188，每天 9:00–21:00 服务。',
    answerEn: 'Call our hotline on 95188, daily 9:00–21:00.',
    keywords: ['客服电话', '热线', '打电话', '联系方式', '电话号码', 'phone number', 'hotline', 'call you'],
    needsEvidence: [],
  },
  {
    id: 'faq-channel-email',
    serviceType: null,
    intent: 'channel.email',
    questionZh: '可以发邮件联系客服吗？',
    questionEn: 'Can I contact you by email?',
    answerZh: '可以，客服邮箱 service@example.com，我们会在 24 小时内回复。邮件中请写明订单号。',
    answerEn: 'Yes, email service@example.com and we reply within 24 hours. Please include your order number.',
    keywords: ['客服邮箱', '发邮件', '邮箱地址', 'email address', 'send an email', 'contact by email'],
    needsEvidence: [],
  },
  {
    id: 'faq-channel-chat',
    serviceType: null,
    intent: 'channel.chat',
    questionZh: '在线客服几点上班？',
    questionEn: 'When is online chat available?',
    answerZh:
      '智能客服全天在线；人工客服每天 9:00–21:00 在线。非服务时间可以提交工单，我们 24 小时内回复。也可以通过小程序内「联系客服」按钮使用微信客服。',
    answerEn:
      'The service bot is available around the clock and agents are online daily 9:00–21:00. Outside those hours submit a ticket and we reply within 24 hours. You can also use the "Contact us" button for WeChat customer service.',
    keywords: [
      '在线客服',
      '客服几点上班',
      '客服工作时间',
      '微信客服',
      '联系客服',
      'online chat',
      'opening hours',
      'contact us',
      'business hours',
    ],
    needsEvidence: [],
  },
  {
    id: 'faq-channel-ticket',
    serviceType: null,
    intent: 'channel.ticket',
    questionZh: '怎么提交工单？',
    questionEn: 'How do I submit a ticket?',
    answerZh:
      '在「客服中心」点击「提交工单」，选择服务类型，填写订单号和问题描述并上传证据即可。我们会在 24 小时内首次回复，一般 3 天内解决。',
    answerEn:
      'In "Customer service" tap "Submit a ticket", choose the service type, fill in the order number and description and upload evidence. We reply within 24 hours and usually resolve it within 3 days.',
    keywords: ['提交工单', '怎么提交', '反馈问题', '留言', 'submit a ticket', 'open a ticket', 'file a ticket', 'report a problem'],
    needsEvidence: [],
  },
  {
    id: 'faq-channel-ticket-progress',
    serviceType: null,
    intent: 'channel.ticket_progress',
    questionZh: '工单多久回复？怎么查看进度？',
    questionEn: 'How long until my ticket is answered, and where can I see progress?',
    answerZh: '工单在 24 小时内首次回复，一般 3 天内处理完毕。可在「客服中心」→「我的工单」查看进度，有新回复时会通过微信通知您。',
    answerEn:
      'Tickets get a first reply within 24 hours and are usually resolved within 3 days. Follow progress under "Customer service" → "My tickets"; we notify you in WeChat when there is a reply.',
    keywords: [
      '工单进度',
      '工单多久回复',
      '没人回复',
      '工单没人处理',
      '我的工单',
      'ticket status',
      'ticket progress',
      'no reply to my ticket',
    ],
    needsEvidence: [],
  },

  // -------------------------------------------------------------------------
  // Tips
  // -------------------------------------------------------------------------
  {
    id: 'faq-tip-details',
    serviceType: null,
    intent: 'tip.details',
    questionZh: '怎样描述问题能更快解决？',
    questionEn: 'How should I describe my problem to get it solved faster?',
    answerZh: '请说明发生了什么、什么时候发生、涉及哪个订单，以及您希望怎么处理（退款、换货、补发等）。描述越详细，处理越快。',
    answerEn:
      'Say what happened, when, which order, and how you want it resolved (refund, exchange, reship…). The more detail, the faster we can help.',
    keywords: ['详细描述问题', '怎么描述', '更快解决', 'describe problem', 'faster resolution'],
    needsEvidence: [],
  },
  {
    id: 'faq-tip-evidence',
    serviceType: null,
    intent: 'tip.evidence',
    questionZh: '需要保留哪些证据？',
    questionEn: 'What evidence should I keep?',
    answerZh: '请保留订单截图、支付记录和物流信息；商品有问题时请拍照，拆包时最好录像。这些证据能帮助我们更快核实。',
    answerEn:
      'Keep order screenshots, payment records and tracking details; photograph any product problem, ideally film the unboxing. This helps us verify things quickly.',
    keywords: ['保留证据', '需要什么证据', '上传凭证', '截图', '拍照', 'what evidence', 'proof', 'screenshots', 'photos'],
    needsEvidence: [],
  },
  {
    id: 'faq-tip-right-type',
    serviceType: null,
    intent: 'tip.right_type',
    questionZh: '不知道该选哪个服务类型？',
    questionEn: 'Not sure which service type to pick?',
    answerZh:
      '订单类：发货、取消、退款；商品类：损坏、缺货、描述不符；物流类：延迟、异常、丢件；支付类：失败、扣款异常、被拦截；会员类：积分、等级、权益、账号。选对类型，问题会直接转给对应团队。',
    answerEn:
      'Order: shipping, cancellation, refunds. Product: damaged, out of stock, not as described. Logistics: delays, problems, lost parcels. Payment: failures, wrong charges, blocks. Membership: points, level, benefits, account. The right type goes straight to the right team.',
    keywords: ['选择正确的服务类型', '选哪个类型', '服务类型', 'which category', 'service type', 'which type'],
    needsEvidence: [],
  },
]

/** Look up a knowledge-base entry by id. */
export function getKbEntry(id: string): KbEntry | undefined {
  return KNOWLEDGE_BASE.find((e) => e.id === id)
}
