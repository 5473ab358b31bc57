import { maskMobile } from '../../lib/masking'
import type { Transporter } from 'nodemailer'
import type { NotificationChannel, NotificationEvent } from '../../../types/notification'
import type { Database } from '../../db/database'
import { DEFAULT_LOCALE } from '../../lib/locale'
import { text } from '../../lib/texts'
import { DeliveryError, neverReachedProvider } from './delivery-error'
import * as grants from './grants.repository'
import type { OutboxRow } from './notifications.repository'
import type { WechatMessagesClient } from './wechat-messages.client'

/** One way to reach a shopper. `send` resolves once the provider accepted the message. */
export interface Channel {
  readonly name: NotificationChannel
  send(row: OutboxRow): Promise<void>
}

const clip = (text: string, max: number) =>
  Array.from(text).length > max
    ? `${Array.from(text)
        .slice(0, max - 1)
        .join('')}…`
    : text

/** Beijing time, as WeChat's `time` template fields show it. */
function beijingTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/**
 * WeChat subscribe message. Templates carry thing1 (title), thing2 (summary) and time3; a tap
 * opens the ticket. Each message uses one of the shopper's one-time grants.
 */
export class WechatChannel implements Channel {
  readonly name = 'wechat'
  constructor(
    private readonly db: Database,
    private readonly client: WechatMessagesClient | null,
    private readonly templates: Record<NotificationEvent, string>,
    private readonly miniprogramState: 'developer' | 'trial' | 'formal',
  ) {}

  async send(row: OutboxRow): Promise<void> {
    if (!this.client) throw new DeliveryError('unreachable', 'WeChat messages are not configured (WECHAT_APPID)')
    const user = await this.db.selectFrom('users').select('openid').where('id', '=', row.user_id).executeTakeFirst()
    if (!user?.openid) throw new DeliveryError('unreachable', 'the shopper did not sign in with WeChat')
    const templateId = this.templates[row.event]
    const now = new Date().toISOString()
    if (!(await grants.consumeGrant(this.db, row.user_id, templateId, now))) {
      throw new DeliveryError('unreachable', 'the shopper has no subscription left for this template')
    }
    try {
      await this.client.sendSubscribeMessage({
        touser: user.openid,
        template_id: templateId,
        page: `pages/ticket/detail/index?id=${row.ticket_id}`,
        data: {
          thing1: { value: clip(row.title, 20) },
          thing2: { value: clip(row.body, 20) },
          time3: { value: beijingTime(row.created_at) },
        },
        miniprogram_state: this.miniprogramState,
        lang: 'zh_CN',
      })
    } catch (err) {
      const kind = err instanceof DeliveryError ? err.kind : 'ambiguous'
      if (kind === 'unreachable') await grants.clearGrant(this.db, row.user_id, templateId, now)
      // WeChat used no grant for a message it refused; an ambiguous one may have used it.
      if (kind === 'retry' || kind === 'rejected') await grants.restoreGrant(this.db, row.user_id, templateId, now)
      throw err
    }
  }
}

/** Email through SMTP; the Message-ID is the outbox id, so mail systems can tell a copy. */
export class EmailChannel implements Channel {
  readonly name = 'email'
  constructor(
    private readonly transport: Transporter | null,
    private readonly from: string,
  ) {}

  async send(row: OutboxRow): Promise<void> {
    if (!this.transport) throw new DeliveryError('unreachable', 'email is not configured (SMTP_URL)')
    if (!row.contact_email) throw new DeliveryError('unreachable', 'the ticket has no contact email')
    try {
      await this.transport.sendMail({
        from: this.from,
        to: row.contact_email,
        subject: row.title,
        text: `${row.body}\n\n${text(DEFAULT_LOCALE, 'notify.emailSignature')}`,
        messageId: `<${row.id}@service-desk.notifications>`,
      })
    } catch (err) {
      const response = (err as { responseCode?: number }).responseCode
      if (response && response >= 500) throw new DeliveryError('rejected', `mail server refused: ${(err as Error).message}`)
      if (response || neverReachedProvider(err)) throw new DeliveryError('retry', `mail not accepted yet: ${(err as Error).message}`)
      throw new DeliveryError('ambiguous', `mail server stopped answering: ${(err as Error).message}`)
    }
  }
}

/** Sends a text message; `idempotencyKey` goes to providers that support one (e.g. an outId). */
export interface SmsSender {
  send(msg: { to: string; text: string; idempotencyKey: string }): Promise<void>
}

/** How many recent messages the development sender keeps for inspection. */
const LOG_SMS_KEEP = 100

/**
 * Development stand-in for an SMS provider (refused in production): logs that a message went
 * out, with the number masked and without its text, and keeps the last few in memory.
 */
export class LogSmsSender implements SmsSender {
  readonly sent: Array<{ to: string; text: string; idempotencyKey: string }> = []
  constructor(private readonly log: (obj: object, msg: string) => void) {}

  async send(msg: { to: string; text: string; idempotencyKey: string }): Promise<void> {
    this.sent.push(msg)
    if (this.sent.length > LOG_SMS_KEEP) this.sent.splice(0, this.sent.length - LOG_SMS_KEEP)
    this.log({ sms: { to: maskMobile(msg.to), id: msg.idempotencyKey } }, 'sms (log sender)')
  }
}

export class SmsChannel implements Channel {
  readonly name = 'sms'
  constructor(private readonly sender: SmsSender | null) {}

  async send(row: OutboxRow): Promise<void> {
    if (!this.sender) throw new DeliveryError('unreachable', 'SMS is turned off (SMS_SENDER=none)')
    if (!row.contact_phone) throw new DeliveryError('unreachable', 'the ticket has no contact phone')
    await this.sender.send({
      to: row.contact_phone,
      text: text(DEFAULT_LOCALE, 'notify.sms', { title: row.title, body: clip(row.body, 60) }),
      idempotencyKey: row.id,
    })
  }
}
