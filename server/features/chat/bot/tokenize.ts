/**
 * Tokenizer for shopper messages: Chinese without spaces, English, and the mix
 * of both that people type on their phones.
 *
 * Tokens come from three sources so retrieval stays robust when one of them
 * is weak: concept tokens from the synonym table (language-neutral, so an
 * English question can hit a Chinese keyword), dictionary words from
 * Intl.Segmenter when the runtime has it, and character bigrams which work
 * everywhere and cope with typos and unknown words.
 */

/**
 * Synonym groups. The key is the canonical concept; every variant found in a
 * message is replaced by it. A canonical value may name several concepts
 * separated by a space (封号 means both account and frozen).
 */
export const SYNONYM_GROUPS: Readonly<Record<string, readonly string[]>> = {
  未发货: [
    '没发货',
    '未发货',
    '还不发货',
    '不发货',
    '怎么还没发',
    '还没发',
    '没有发货',
    '迟迟不发',
    '一直不发',
    '还没寄',
    '没寄出',
    '没有寄出',
    '不给发',
    '拖着不发',
    '发货慢',
    '不发',
    '还没有发',
    '一直没发',
    'not shipped',
    "hasn't shipped",
    'has not shipped',
    "haven't shipped",
    'not been shipped',
    'not dispatched',
    "hasn't been dispatched",
    "hasn't been sent",
    'not sent out',
    'still not shipped',
    "didn't ship",
    'not ship',
  ],
  发货: ['发货', '发出', '寄出', '出库', '发货时间', '发获', 'ship', 'ships', 'shipped', 'shipping', 'dispatch', 'dispatched'],
  物流: [
    '快递',
    '物流',
    '包裹',
    '快件',
    '运单',
    '配送',
    '派送',
    '送货',
    '快递员',
    '快第',
    '物留',
    '快递单号',
    '物流单号',
    '运单号',
    '顺丰',
    '圆通',
    '中通',
    '韵达',
    '申通',
    '京东快递',
    '邮政',
    'ems',
    'courier',
    'delivery',
    'deliveries',
    'parcel',
    'parcels',
    'package',
    'packages',
    'pakage',
    'shipment',
    'tracking',
    'logistics',
    'track',
  ],
  退款: [
    '退钱',
    '退款',
    '钱退',
    '退欵',
    '返款',
    '把钱退',
    '退费',
    '钱还我',
    'refund',
    'refunds',
    'refunded',
    'refud',
    'money back',
    'reimburse',
  ],
  退货: [
    '退货',
    '退回去',
    '退掉',
    '退贷',
    '寄回',
    '退换',
    '七天无理由',
    '7天无理由',
    '无理由退',
    'return',
    'returns',
    'send back',
    'send it back',
    'returning',
  ],
  换货: ['换货', '换一个', '换个', '调换', '换新', '换尺码', '换码', 'exchange', 'replacement', 'replace', 'swap'],
  损坏: [
    '坏了',
    '破损',
    '碎了',
    '损坏',
    '摔坏',
    '压坏',
    '破了',
    '裂了',
    '烂了',
    '坏掉',
    '压扁',
    '变形',
    '划痕',
    '磕碰',
    '漏了',
    '漏液',
    '撕破',
    '坏的',
    '碎的',
    '破的',
    '摔碎',
    'damaged',
    'damage',
    'broken',
    'cracked',
    'smashed',
    'shattered',
    'scratched',
    'dented',
    'leaking',
    'torn',
  ],
  故障: [
    '质量问题',
    '不能用',
    '用不了',
    '没法用',
    '不工作',
    '开不了机',
    '故障',
    '失灵',
    '不亮',
    '不转',
    '充不进电',
    '质量差',
    '有瑕疵',
    '瑕疵',
    '破洞',
    '开线',
    '脱线',
    '线头',
    '起球',
    '掉色',
    '褪色',
    '开胶',
    '没声音',
    '不出水',
    'defective',
    "doesn't work",
    'does not work',
    'not working',
    'stopped working',
    'faulty',
    'defect',
    "won't turn on",
  ],
  支付失败: [
    '付不了款',
    '支付失败',
    '付款失败',
    '付不了',
    '支付不了',
    '付款不成功',
    '支付不成功',
    '无法支付',
    '无法付款',
    '付不出去',
    '付款不了',
    '支付不成',
    '付款出错',
    '支付出错',
    '交易失败',
    'payment failed',
    'payment fails',
    "can't pay",
    'cannot pay',
    'unable to pay',
    "couldn't pay",
    'payment error',
    "payment didn't go through",
    'payment not going through',
    'payment did not go through',
    'checkout failed',
  ],
  拦截: [
    '被拦截',
    '风控',
    '拦截',
    '拦住',
    '风险控制',
    '交易受限',
    '限制交易',
    '存在风险',
    '交易风险',
    '银行拒绝',
    '被银行拒',
    'blocked',
    'block',
    'risk control',
    'declined',
    'rejected by the bank',
    'flagged',
    'security check',
  ],
  丢失: [
    '丢件',
    '丢了',
    '丢失',
    '弄丢',
    '遗失',
    '找不到了',
    '不见了',
    '没了',
    '查不到',
    '查无',
    '丢包',
    'lost',
    'lose',
    'missing',
    'went missing',
    'disappeared',
    'cannot be found',
    "can't be found",
  ],
  延迟: [
    '延迟',
    '延误',
    '太慢',
    '好慢',
    '很慢',
    '慢死',
    '还没到',
    '没到',
    '迟迟不到',
    '一直没到',
    '不更新',
    '没更新',
    '没有更新',
    '不动',
    '停了',
    '卡住',
    '卡在',
    '几天了',
    '好几天',
    '一周了',
    '一个星期',
    '超时',
    '还不到',
    '怎么还不到',
    '什么时候到',
    '多久能到',
    '啥时候到',
    'delayed',
    'delay',
    'late',
    'slow',
    'not arrived',
    "hasn't arrived",
    'has not arrived',
    "hasn't come",
    'still not here',
    'stuck',
    'not updated',
    'no update',
    'no updates',
    "hasn't updated",
    'not moving',
    'when will it arrive',
    'taking forever',
  ],
  签收: [
    '签收',
    '已签收',
    '显示签收',
    '被签收',
    '妥投',
    '显示送达',
    '已送达',
    '代签',
    '驿站',
    '快递柜',
    '丰巢',
    'marked delivered',
    'shows delivered',
    'says delivered',
    'marked as delivered',
    'signed for',
  ],
  未收到: [
    '没收到',
    '未收到',
    '没有收到',
    '没拿到',
    '收不到',
    '没见到',
    '没看到包裹',
    '并没有收到',
    'not received',
    "didn't receive",
    'never received',
    'did not receive',
    "haven't received",
    'never got',
    "didn't get",
    'never arrived',
  ],
  赔偿: [
    '赔偿',
    '赔钱',
    '索赔',
    '赔付',
    '补偿',
    '理赔',
    '赔我',
    '要赔',
    'compensation',
    'compensate',
    'compensated',
    'reimbursement',
    'make a claim',
    'file a claim',
  ],
  投诉: [
    '投诉',
    '举报',
    '差评',
    '曝光',
    '12315',
    '消协',
    '消费者协会',
    '工商局',
    '市场监管',
    '给差评',
    '打差评',
    'complain',
    'complaint',
    'complaints',
    'report you',
    'bad review',
    'negative review',
    'one star',
    '1 star',
  ],
  人工: [
    '人工',
    '转人工',
    '真人',
    '人工客服',
    '客服专员',
    '活人',
    '人工服务',
    '找个人',
    '要人工',
    'real person',
    'human',
    'live agent',
    'agent',
    'representative',
    'talk to someone',
    'speak to someone',
    'real human',
    'operator',
  ],
  积分: ['积分', '积份', '积分值', '积分余额', '分数没加', 'points', 'point', 'reward points', 'loyalty points'],
  等级: [
    '会员等级',
    '等级',
    '级别',
    '降级',
    '升级',
    '掉级',
    '保级',
    'vip等级',
    'level',
    'levels',
    'tier',
    'downgraded',
    'downgrade',
    'upgrade',
    'upgraded',
  ],
  账号: [
    '账号',
    '帐号',
    '账户',
    '帐户',
    '登录',
    '登陆',
    '登不上',
    '登录不了',
    '手机号',
    '换绑',
    '绑定',
    'account',
    'acount',
    'login',
    'log in',
    'sign in',
    'signin',
  ],
  冻结: [
    '冻结',
    '被封',
    '封禁',
    '锁定',
    '被锁',
    '停用',
    '禁用',
    '限制登录',
    'locked',
    'frozen',
    'suspended',
    'banned',
    'disabled',
    'locked out',
  ],
  '账号 冻结': ['封号', '号被封', '号没了', '账号被封', '账号冻结', '账户冻结'],
  优惠券: [
    '优惠券',
    '优惠卷',
    '券',
    '红包',
    '满减',
    '折扣码',
    '优惠码',
    '代金券',
    '抵用券',
    'coupon',
    'coupons',
    'voucher',
    'vouchers',
    'promo code',
    'discount code',
  ],
  发票: ['发票', '开票', '电子发票', '专票', '普票', '报销凭证', '抬头', 'invoice', 'invoices', 'receipt', 'fapiao', 'vat'],
  // Redirecting a parcel in transit is a courier action, distinct from editing the order's address.
  改派: ['改派', '转寄', '转派', '重新派送', 'redirect', 'reroute', 'redeliver'],
  地址: ['地址', '收货地址', '收件地址', '收货人', 'address', 'addresses'],
  修改: [
    '修改',
    '更改',
    '变更',
    '改成',
    '改一下',
    '改下',
    '换地址',
    '改地址',
    '写错',
    'change',
    'modify',
    'edit',
    'correct',
    'wrong address',
  ],
  缺货: [
    '缺货',
    '没货',
    '无货',
    '断货',
    '售罄',
    '卖完',
    '补货',
    '到货通知',
    '有货',
    '没库存',
    '库存',
    'out of stock',
    'sold out',
    'restock',
    'back in stock',
    'unavailable',
    'in stock',
    'stock',
  ],
  描述不符: [
    '描述不符',
    '不符',
    '不一样',
    '不一致',
    '货不对板',
    '和图片不',
    '跟图片不',
    '与描述不',
    '色差',
    '图片不符',
    '假货',
    '发错',
    '不是我买的',
    '不是我要的',
    '跟描述',
    '和描述',
    '实物',
    '少发',
    '漏发',
    '少件',
    '缺件',
    '仿冒',
    '山寨',
    '不是正品',
    'not as described',
    'different from',
    "doesn't match",
    'does not match',
    'wrong item',
    'wrong product',
    'wrong colour',
    'wrong color',
    'fake',
    'counterfeit',
    'not genuine',
    'missing parts',
    'missing item',
    'not what i ordered',
  ],
  取消: ['取消', '被取消', '撤销', '关闭', '自动关闭', '交易关闭', 'cancel', 'cancelled', 'canceled', 'cancellation'],
  扣款: [
    '扣款',
    '扣钱',
    '扣了钱',
    '钱扣了',
    '被扣',
    '扣费',
    '扣了',
    '多扣',
    '重复扣',
    '扣了两次',
    '扣两次',
    '重复支付',
    'charged',
    'deducted',
    'charged twice',
    'double charged',
    'double charge',
    'debited',
  ],
  支付: [
    '支付',
    '付款',
    '付钱',
    '买单',
    '结账',
    '微信支付',
    '银行卡',
    '信用卡',
    '付欵',
    '花呗',
    'pay',
    'payment',
    'payments',
    'paid',
    'checkout',
    'card',
    'bank',
  ],
  订单: ['订单', '单子', '下单', '订单号', '我的订单', 'order', 'orders', 'ordered'],
  异常: ['异常', '出错', '错误', '有问题', '不对', '奇怪', '显示错', 'error', 'abnormal', 'wrong', 'problem', 'glitch'],
  商品: ['商品', '东西', '宝贝', '产品', '物品', '衣服', '鞋子', '手机', 'item', 'items', 'product', 'products', 'goods'],
  电话: ['电话', '热线', '客服电话', '打电话', '联系方式', '95188', '电话号码', 'hotline', 'phone', 'call', 'phone number'],
  邮箱: ['邮箱', '邮件', '电子邮件', 'email', 'e-mail', 'mail'],
  工单: ['工单', '提交工单', '反馈单', '留言', '提单', 'ticket', 'tickets'],
  进度: [
    '进度',
    '处理到哪',
    '多久回复',
    '什么时候回复',
    '没人回复',
    '没人理',
    '没人处理',
    '回复',
    'progress',
    'status',
    'reply',
    'respond',
    'response',
  ],
  多久: ['多久', '多长时间', '几天', '什么时候', '啥时候', '几时', '多少天', 'how long', 'when', 'how many days'],
  权益: ['权益', '特权', '福利', '会员福利', '会员权益', '包邮', 'perks', 'benefits', 'benefit', 'privileges', 'free shipping'],
  会员: ['会员', 'vip', 'plus会员', 'member', 'membership', 'members'],
  续费: ['自动续费', '续费', '扣会员费', '连续包月', '包月', 'auto-renew', 'auto renew', 'auto renewal', 'subscription', 'renewal'],
  价保: ['降价', '价保', '保价', '差价', '价格保护', 'price drop', 'price protection', 'price adjustment'],
  到账: [
    '到账',
    '没到账',
    '什么时候到账',
    '多久到账',
    '多久能到账',
    '几天到账',
    '钱没到',
    '钱还没到',
    '未到账',
    '到帐',
    '入账',
    '收到钱',
    '退回到',
    'credited',
    'arrive in my account',
    'back to my card',
  ],
  '退款 到账': ['退款没到', '退款还没到', '退款没到账', '退款未到账', '退款还没到账', '退款什么时候到', '退款多久到', '退款几天到'],
  你好: ['你好', '您好', '在吗', '在不在', '有人吗', 'hi', 'hello', 'hey'],
  谢谢: ['谢谢', '感谢', '多谢', 'thanks', 'thank you', 'thx'],
}

// Function words that carry no meaning for retrieval; keeping them would make
// every FAQ look slightly similar to every question.
const STOPWORDS = new Set<string>([
  '的',
  '了',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '哦',
  '嘛',
  '我',
  '你',
  '您',
  '他',
  '她',
  '它',
  '是',
  '在',
  '有',
  '就',
  '都',
  '也',
  '还',
  '要',
  '想',
  '这',
  '那',
  '个',
  '和',
  '与',
  '把',
  '被',
  '给',
  '让',
  '能',
  '会',
  '可',
  '以',
  '么',
  '怎',
  '什',
  '我的',
  '你们',
  '我们',
  '请问',
  '这个',
  '那个',
  '一下',
  '可以',
  '怎么',
  '什么',
  '为什么',
  '怎么办',
  '如何',
  '一个',
  '了吗',
  '的吗',
  '是不是',
  '有没有',
  '现在',
  '已经',
  '还是',
  '但是',
  '然后',
  '因为',
  '所以',
  '一直',
  '到底',
  '请',
  '帮',
  'a',
  'an',
  'the',
  'i',
  'me',
  'my',
  'mine',
  'you',
  'your',
  'we',
  'our',
  'it',
  'its',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'am',
  'do',
  'does',
  'did',
  'to',
  'of',
  'for',
  'in',
  'on',
  'at',
  'by',
  'with',
  'and',
  'or',
  'but',
  'so',
  'if',
  'this',
  'that',
  'these',
  'those',
  'there',
  'here',
  'what',
  'why',
  'how',
  'can',
  'could',
  'would',
  'should',
  'will',
  'please',
  'pls',
  'plz',
  'have',
  'has',
  'had',
  'not',
  'no',
  'yet',
  'still',
  'just',
  'any',
  'some',
  'get',
  'got',
  'want',
  'need',
  'from',
  'about',
  'up',
  'out',
  'into',
  'than',
  'then',
  'too',
  'very',
  'now',
  'after',
  'before',
])

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff'
const CJK_RUN = new RegExp(`[${CJK}]+`, 'g')
const LATIN_WORD = /[a-z0-9]+(?:'[a-z]+)?/g
const LATIN_CHAR = /[a-z]/

interface CompiledSynonyms {
  readonly pattern: RegExp
  readonly canonicalOf: ReadonlyMap<string, string>
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function compileSynonyms(groups: Readonly<Record<string, readonly string[]>>): CompiledSynonyms {
  const canonicalOf = new Map<string, string>()
  for (const [canonical, variants] of Object.entries(groups)) {
    for (const v of [canonical, ...variants]) {
      const key = normalizeWidth(v)
      // First group wins: the table is ordered from specific to general.
      if (!canonicalOf.has(key)) canonicalOf.set(key, canonical)
    }
  }
  // Longest first so 没到账 beats 没到 and "not received" beats "received".
  const variants = [...canonicalOf.keys()].sort((a, b) => b.length - a.length)
  const alternatives = variants.map((v) => {
    const body = escapeRegExp(v)
    // Latin variants must match whole words, otherwise "late" fires inside "translate".
    const head = LATIN_CHAR.test(v[0] ?? '') ? '(?<![a-z])' : ''
    const tail = LATIN_CHAR.test(v[v.length - 1] ?? '') ? '(?![a-z])' : ''
    return `${head}${body}${tail}`
  })
  return { pattern: new RegExp(alternatives.join('|'), 'g'), canonicalOf }
}

/** Full-width to half-width, lower case, curly quotes to straight: the forms people type vary more than the words. */
export function normalizeWidth(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u2032]/g, "'")
}

const SYNONYMS = compileSynonyms(SYNONYM_GROUPS)

/** Result of normalising a message: the rewritten text and the concepts found in it. */
export interface Normalized {
  /** Message with every synonym replaced by its canonical concept. */
  readonly text: string
  readonly concepts: ReadonlySet<string>
  /** Concepts in order of appearance, repeats kept, for term frequency. */
  readonly conceptHits: readonly string[]
}

// Anything that is not a letter, digit or CJK character separates tokens.
function cleanSeparators(s: string): string {
  return s
    .replace(new RegExp(`[^a-z0-9'${CJK}]+`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Rewrite shopper wording to canonical concepts and strip punctuation and emoji. */
export function normalize(raw: string): Normalized {
  const conceptHits: string[] = []
  const lowered = normalizeWidth(raw)
  const rewritten = lowered.replace(SYNONYMS.pattern, (m) => {
    const canonical = SYNONYMS.canonicalOf.get(m) ?? m
    conceptHits.push(...canonical.split(' '))
    return ` ${canonical} `
  })
  return { text: cleanSeparators(rewritten), concepts: new Set(conceptHits), conceptHits }
}

// Segmenter construction is comparatively slow; build it once. Some mini-program
// and older runtimes lack Intl.Segmenter, in which case bigrams carry the load.
const segmenter: Intl.Segmenter | null =
  typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null

function segmentWords(run: string): string[] {
  if (!segmenter) return []
  const out: string[] = []
  for (const s of segmenter.segment(run)) {
    if (s.isWordLike) out.push(s.segment)
  }
  return out
}

function bigrams(run: string): string[] {
  const chars = Array.from(run)
  if (chars.length === 1) return chars
  const out: string[] = []
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1])
  return out
}

// Crude English stemming: enough to make "refunds"/"refunded" meet "refund" without a dependency.
function stem(word: string): string {
  if (word.length <= 4) return word
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3)
  if (word.endsWith('ed') && word.length > 5) return word.slice(0, -2)
  if (word.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2)
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1)
  return word
}

// Order and tracking numbers are identifiers, not words; as tokens they would only add noise.
function isIdentifierLike(word: string): boolean {
  return /^\d{5,}$/.test(word) || (/\d{5,}/.test(word) && /[a-z]/.test(word))
}

/** Concept tokens are prefixed so they never collide with a plain word of the same spelling. */
export const CONCEPT_PREFIX = '#'

/** Split a message into retrieval tokens (concepts, words and CJK bigrams); duplicates are kept for term frequency. */
export function tokenize(raw: string): string[] {
  const { text, conceptHits } = normalize(raw)
  const tokens: string[] = conceptHits.map((c) => CONCEPT_PREFIX + c)

  for (const m of text.matchAll(CJK_RUN)) {
    const run = m[0]
    const words = segmentWords(run)
    for (const w of words) if (!STOPWORDS.has(w)) tokens.push(w)
    for (const b of bigrams(run)) {
      // Bigrams equal to a segmenter word would double count it.
      if (!STOPWORDS.has(b) && !words.includes(b)) tokens.push(b)
    }
  }

  const latin = text.replace(new RegExp(`[${CJK}]+`, 'g'), ' ')
  for (const m of latin.matchAll(LATIN_WORD)) {
    const w = m[0].replace(/'[a-z]+$/, '')
    if (w.length < 2 || STOPWORDS.has(w) || isIdentifierLike(w)) continue
    tokens.push(stem(w))
  }
  return tokens
}

/** Concepts (canonical synonym keys) mentioned in a message. */
export function conceptsOf(raw: string): ReadonlySet<string> {
  return normalize(raw).concepts
}

/** Counts of latin letters and CJK characters, used to pick the reply language. */
export function scriptCounts(raw: string): { latin: number; cjk: number } {
  const s = normalizeWidth(raw)
  const latin = (s.match(/[a-z]/g) ?? []).length
  const cjk = (s.match(new RegExp(`[${CJK}]`, 'g')) ?? []).length
  return { latin, cjk }
}
