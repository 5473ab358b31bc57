import { sql, type Kysely } from 'kysely'

// Frozen: never edit a migration that has shipped; add a new file instead.
// System messages become a code + params, rendered in each viewer's language. Rows from before
// get theirs from the stored event, else from their known sentence; anything else is `legacy`
// and keeps its text.

interface OldRow {
  id: string
  text: string | null
  event_json: string | null
}

type Params = Record<string, string>

function fromEvent(json: string | null): { code: string; params: Params } | null {
  if (!json) return null
  let e: Record<string, unknown>
  try {
    e = JSON.parse(json) as Record<string, unknown>
  } catch {
    return null
  }
  const s = (v: unknown) => (typeof v === 'string' ? v : '')
  switch (e.type) {
    case 'queued':
      return { code: 'queued', params: { serviceType: s(e.serviceType) } }
    case 'requeued':
      return { code: 'requeued', params: {} }
    case 'assigned':
      return { code: 'assigned', params: { agentName: s(e.agentName) } }
    case 'transferred':
      return { code: 'transferred', params: { agentName: s(e.agentName) } }
    case 'ended':
      return { code: e.endedBy === 'idle' ? 'ended_idle' : 'ended', params: {} }
    case 'rating_requested':
      return { code: 'rating_requested', params: {} }
    case 'linked':
      return e.orderNo ? { code: 'linked_order', params: { orderNo: s(e.orderNo) } } : { code: 'linked_ticket', params: {} }
    case 'image_blocked':
      return { code: 'image_blocked', params: {} }
    default:
      return null
  }
}

const SERVICE_TYPES: Record<string, string> = {
  订单: 'order',
  商品: 'product',
  物流: 'logistics',
  支付: 'payment',
  会员: 'member',
  Order: 'order',
  Product: 'product',
  Logistics: 'logistics',
  Payment: 'payment',
  Membership: 'member',
}

// The sentences the server stored before codes, in both languages.
const KNOWN: { re: RegExp; code: string; params?: (m: RegExpMatchArray) => Params }[] = [
  { re: /^已为您转接(.*)问题人工客服，请稍候。$/, code: 'queued', params: (m) => ({ serviceType: SERVICE_TYPES[m[1]] ?? '' }) },
  { re: /^Waiting for an? (.*) agent\. Please hold on\.$/, code: 'queued', params: (m) => ({ serviceType: SERVICE_TYPES[m[1]] ?? '' }) },
  { re: /^(正在为您重新安排人工客服，请稍候。|Finding another agent for you\. Please hold on\.)$/, code: 'requeued' },
  { re: /^客服 (.*) 为您服务。$/, code: 'assigned', params: (m) => ({ agentName: m[1].trim() }) },
  { re: /^(.*) is now helping you\.$/, code: 'assigned', params: (m) => ({ agentName: m[1] === 'An agent' ? '' : m[1] }) },
  { re: /^已转接给客服 (.*)。$/, code: 'transferred', params: (m) => ({ agentName: m[1].trim() }) },
  {
    re: /^You have been transferred to (.*)\.$/,
    code: 'transferred',
    params: (m) => ({ agentName: m[1] === 'another agent' ? '' : m[1] }),
  },
  { re: /^(由于长时间没有新消息，本次会话已结束。|This chat ended after a period of inactivity\.)$/, code: 'ended_idle' },
  { re: /^(本次会话已结束。|This chat has ended\.)$/, code: 'ended' },
  {
    re: /^(请为本次服务打分，您的评价会帮助我们改进。|Please rate this chat; your feedback helps us improve\.)$/,
    code: 'rating_requested',
  },
  { re: /^(?:已关联订单 (\S+)。|Linked order (\S+)\.)$/, code: 'linked_order', params: (m) => ({ orderNo: m[1] ?? m[2] }) },
  { re: /^(已关联工单。|Linked a ticket\.)$/, code: 'linked_ticket' },
  { re: /^(您发送的一张图片未通过微信内容安全检查|One of your images did not pass WeChat)/, code: 'image_blocked' },
]

/** The code and params of a system message stored before codes existed. */
export function codeOfOldSystemMessage(row: Pick<OldRow, 'text' | 'event_json'>): { code: string; params: Params } {
  const byEvent = fromEvent(row.event_json)
  if (byEvent) return byEvent
  const text = row.text?.trim() ?? ''
  for (const k of KNOWN) {
    const m = text.match(k.re)
    if (m) return { code: k.code, params: k.params ? k.params(m) : {} }
  }
  return { code: 'legacy', params: {} }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_messages').addColumn('system_code', 'varchar(32)').execute()
  await db.schema.alterTable('chat_messages').addColumn('system_params_json', 'text').execute()
  const rows = await sql<OldRow>`select id, text, event_json from chat_messages where sender = 'system'`.execute(db)
  for (const row of rows.rows) {
    const { code, params } = codeOfOldSystemMessage(row)
    await sql`update chat_messages set system_code = ${code}, system_params_json = ${JSON.stringify(params)} where id = ${row.id}`.execute(
      db,
    )
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('chat_messages').dropColumn('system_params_json').execute()
  await db.schema.alterTable('chat_messages').dropColumn('system_code').execute()
}
